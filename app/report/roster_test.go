package report

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"image"
	"image/color"
	"image/png"
	"os/exec"
	"reflect"
	"strings"
	"testing"

	"mentordesk/data"
)

// sentinel fills every private field of a mentor with a marker that must never be printed.
func sentinel(m data.Mentor, i int) data.Mentor {
	m.Phone = fmt.Sprintf("PHONE-SENTINEL-%d 555-0199", i)
	m.Address = fmt.Sprintf("ADDRESS-SENTINEL-%d 1 Secret Lane", i)
	m.Email = fmt.Sprintf("email-sentinel-%d@private.example", i)
	return m
}

func TestRosterNeverPrintsPrivateFields(t *testing.T) {
	r := testRenderer(t)
	d := rosterDoc()
	for i := range d.Mentors {
		d.Mentors[i] = sentinel(d.Mentors[i], i)
	}
	var pdf bytes.Buffer
	if err := r.Render(&pdf, d); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, writeDoc(t, r, d))
	for _, marker := range []string{"SENTINEL", "sentinel", "555-0199", "Secret Lane", "private.example"} {
		if strings.Contains(text, marker) {
			t.Errorf("the roster prints private data %q", marker)
		}
		if bytes.Contains(pdf.Bytes(), []byte(marker)) {
			t.Errorf("the roster's PDF holds private data %q", marker)
		}
	}
	for _, m := range d.Mentors {
		if !strings.Contains(text, m.Name()) {
			t.Errorf("the roster lacks %s", m.Name())
		}
	}
}

// The roster copies public fields into a profile before drawing; the profile must have no field
// that holds private data, and roster.go must not read a private field at all.
func TestRosterReadsOnlyPublicFields(t *testing.T) {
	m := sentinel(minh(), 1)
	p := reflect.ValueOf(publicProfile(m))
	for i := range p.NumField() {
		if v := fmt.Sprint(p.Field(i)); strings.Contains(strings.ToLower(v), "sentinel") {
			t.Errorf("profile field %s holds private data %q", p.Type().Field(i).Name, v)
		}
	}
	file, err := parser.ParseFile(token.NewFileSet(), "roster.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	private := map[string]bool{"Phone": true, "Address": true, "Email": true, "WAResidentSince": true}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && private[sel.Sel.Name] {
			t.Errorf("roster.go reads .%s", sel.Sel.Name)
		}
		return true
	})
}

func TestRosterSortsByLastNameIgnoringAccents(t *testing.T) {
	var names []string
	for _, c := range rosterDoc().profiles() {
		names = append(names, c.last)
	}
	want := []string{"Łukasiewicz", "Minh", "Öberg", "Peña"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("order %v, want %v", names, want)
	}
}

func TestRosterPhotosOfAnyShape(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages (poppler-utils) is not installed")
	}
	wide16 := image.NewNRGBA64(image.Rect(0, 0, 640, 200))
	for x := range 640 {
		for y := range 200 {
			wide16.Set(x, y, color.NRGBA64{uint16(x * 100), 30000, 50000, 65535})
		}
	}
	var deep bytes.Buffer
	png.Encode(&deep, wide16)

	mentors := []data.Mentor{minh(), zoe(), jose(), asa(), minh(), minh(), minh()}
	mentors[0].Photo = nil                                   // no photo: initials
	mentors[1].Photo = samplePhoto(1200, 300, 2, true)       // wide PNG
	mentors[2].Photo = samplePhoto(300, 1200, 3, false)      // tall JPEG
	mentors[3].Photo = samplePhoto(2400, 1800, 4, false)     // large JPEG, shrunk before embedding
	mentors[4].Photo = []byte("\xff\xd8 this is not a JPEG") // broken: initials
	mentors[5].Photo = deep.Bytes()                          // 16-bit PNG, which gofpdf cannot embed itself
	mentors[6].Photo = samplePhoto(360, 360, 6, false)
	for i := range mentors {
		mentors[i].LastName = fmt.Sprintf("%s %d", mentors[i].LastName, i)
	}
	r := testRenderer(t)
	path := writeDoc(t, r, RosterDoc{Org: sampleOrg(), On: data.MustDate("2026-02-10"), Mentors: mentors})
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	images := len(lines) - 2 // two header lines
	if images != 6 {         // logo and five usable photos
		t.Errorf("%d images embedded, want 6 (logo and five photos):\n%s", images, out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) > 4 && (f[3] == "2400" || f[3] == "1800") {
			t.Errorf("a large photo was embedded at full size: %s", l)
		}
	}
}

func TestLongBiographyFlowsAcrossPages(t *testing.T) {
	r := testRenderer(t)
	m := jose()
	m.Bio = strings.Repeat("José has taught generations of percussionists to listen before they play. ", 55)
	d := RosterDoc{Org: sampleOrg(), Mentors: []data.Mentor{minh(), m, asa()}}
	text := pdfText(t, writeDoc(t, r, d))
	for _, w := range []string{"Page 1 of", "Page 3 of", "Åsa Öberg", "José Peña"} {
		if !strings.Contains(text, w) {
			t.Errorf("roster with a very long biography lacks %q", w)
		}
	}
	if got := strings.Count(text, "listen before they play"); got != 55 {
		t.Errorf("the biography printed %d of 55 sentences", got)
	}
}

// Photos of one size are where gofpdf's image order used to vary between runs.
func TestRosterOfSameSizePhotosIsByteIdentical(t *testing.T) {
	r := testRenderer(t)
	var mentors []data.Mentor
	for i := range 24 {
		m := minh()
		m.LastName = fmt.Sprintf("Minh %02d", i)
		m.Photo = samplePhoto(360, 360, i, false)
		mentors = append(mentors, m)
	}
	d := RosterDoc{Org: sampleOrg(), On: data.MustDate("2026-02-10"), Mentors: mentors}
	var first bytes.Buffer
	if err := r.Render(&first, d); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		var again bytes.Buffer
		if err := r.Render(&again, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), again.Bytes()) {
			t.Fatal("the same roster gave different bytes")
		}
	}
}

// Two mentors with the very same photo made a roster whose page resources named the image
// twice, which qpdf --check and strict readers refuse; the same holds for a logo that is also
// someone's photo.
func TestRosterWithSharedPhotosIsWellFormed(t *testing.T) {
	r := testRenderer(t)
	d := rosterDoc()
	if len(d.Mentors) < 2 {
		t.Fatal("the roster fixture needs two mentors")
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	for i := range d.Mentors {
		d.Mentors[i].Photo = b.Bytes()
	}
	d.Org.Logo = b.Bytes()
	writeDoc(t, r, d) // checks the file with qpdf
}
