package widgets

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"mentordesk/data"
)

// showChart puts a chart alone in a test window of the given size.
func showChart(t *testing.T, c fyne.CanvasObject, w, h float32) fyne.Window {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.LightTheme())
	win := test.NewWindow(c)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	t.Cleanup(win.Close)
	return win
}

// saveChart writes the window to $MENTORDESK_SCREENSHOTS/name.png, to look at.
func saveChart(t *testing.T, win fyne.Window, name string) {
	dir := os.Getenv("MENTORDESK_SCREENSHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, win.Canvas().Capture())
}

func chartParts(w fyne.Widget) (rects []*canvas.Rectangle, texts []string, lines []*canvas.Line, dots []*canvas.Circle) {
	for _, o := range test.WidgetRenderer(w).Objects() {
		switch x := o.(type) {
		case *canvas.Rectangle:
			rects = append(rects, x)
		case *canvas.Text:
			texts = append(texts, x.Text)
		case *canvas.Line:
			lines = append(lines, x)
		case *canvas.Circle:
			dots = append(dots, x)
		}
	}
	return
}

func TestBarChartDrawsRatedBarsToScale(t *testing.T) {
	c := NewBarChart("Self-rating (1–5)", []string{"Before", "After"}, 5)
	win := showChart(t, c, 320, 200)
	c.SetGroups([]BarGroup{{"Steady tempo", []float64{2, 4}}, {"Cleaner entrances in the second half", []float64{3, 0}}})
	saveChart(t, win, "chart-bars")

	rects, texts, _, _ := chartParts(c)
	var bars []*canvas.Rectangle
	for _, r := range rects {
		if r.Size().Width > 10 { // the legend's swatches are 10 wide
			bars = append(bars, r)
		}
	}
	if len(bars) != 3 {
		t.Fatalf("%d bars, want 3 (an unrated value draws none)", len(bars))
	}
	before, after := bars[0].Size().Height, bars[1].Size().Height
	if after < before*1.9 || after > before*2.1 {
		t.Errorf("bars of 2 and 4 are %v and %v high; want the second twice the first", before, after)
	}
	if bars[0].Position().Y+before != bars[1].Position().Y+after {
		t.Error("bars do not stand on the same base line")
	}
	joined := strings.Join(texts, "|")
	for _, want := range []string{"Self-rating (1–5)", "Before", "After", "Steady tempo", "0", "5"} {
		if !strings.Contains("|"+joined+"|", "|"+want+"|") {
			t.Errorf("no %q among the chart's labels %q", want, texts)
		}
	}
	if !strings.Contains(joined, "Cleaner entr") || !strings.Contains(joined, "…") || strings.Contains(joined, "second half") {
		t.Errorf("a long label is not shortened to its group: %q", texts)
	}
}

func TestBarChartSaysWhenEmpty(t *testing.T) {
	c := NewBarChart("Self-rating", []string{"Before", "After"}, 5)
	c.Empty = "No goals rated yet."
	showChart(t, c, 300, 160)
	if _, texts, _, _ := chartParts(c); !strings.Contains(strings.Join(texts, "|"), "No goals rated yet.") {
		t.Errorf("empty chart shows %q", texts)
	}
}

func TestLineChartJoinsPointsInDateOrder(t *testing.T) {
	c := NewLineChart("Average rating (1–5)", 1, 5)
	win := showChart(t, c, 520, 240)
	d := data.MustDate
	c.SetSeries([]LineSeries{
		{Name: "Instructors", Points: []LinePoint{{d("2027-03-10"), 2.5}, {d("2026-10-01"), 4.5}, {d("2026-12-12"), 3.25}}},
		{Name: "Students", Points: []LinePoint{{d("2026-12-14"), 4}}},
	})
	c.SetGuides([]Guide{{Value: 3, Label: "review below 3", Series: 0}})
	saveChart(t, win, "chart-lines")

	_, texts, lines, dots := chartParts(c)
	if len(dots) != 4 {
		t.Fatalf("%d points drawn, want 4", len(dots))
	}
	// The first series' dots come first, in date order: left to right, 4.5 highest.
	if !(dots[0].Position().X < dots[1].Position().X && dots[1].Position().X < dots[2].Position().X) {
		t.Error("points are not in date order")
	}
	if !(dots[0].Position().Y < dots[1].Position().Y && dots[1].Position().Y < dots[2].Position().Y) {
		t.Error("4.5, 3.25 and 2.5 are not drawn from high to low")
	}
	thick := 0
	for _, l := range lines {
		if l.StrokeWidth == 2 {
			thick++
		}
	}
	if thick != 2 {
		t.Errorf("%d joining lines, want 2 (three points of one series, one of the other)", thick)
	}
	joined := "|" + strings.Join(texts, "|") + "|"
	for _, want := range []string{"|Oct 2026|", "|Mar 2027|", "|review below 3|", "|Instructors|", "|Students|", "|1|", "|5|"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no %s among the labels %q", want, texts)
		}
	}
}

func TestLineChartWithOneDay(t *testing.T) {
	c := NewLineChart("Average", 1, 5)
	showChart(t, c, 300, 180)
	c.SetSeries([]LineSeries{{Name: "Instructors", Points: []LinePoint{{data.MustDate("2026-10-01"), 3}}}})
	_, texts, _, dots := chartParts(c)
	if len(dots) != 1 || dots[0].Position().X < 100 || dots[0].Position().X > 250 {
		t.Errorf("a single point is not centred: %v", dots)
	}
	if joined := strings.Join(texts, "|"); !strings.Contains(joined, "16 Sep") || !strings.Contains(joined, "16 Oct") || strings.Count(joined, "Oct") != 1 {
		t.Errorf("labels %q", texts)
	}
}

func TestLineChartLeavesGuidesOffAnEmptyChart(t *testing.T) {
	c := NewLineChart("Average", 1, 5)
	c.Empty = "No feedback yet."
	showChart(t, c, 300, 180)
	c.SetGuides([]Guide{{Value: 3, Label: "review below 3"}})
	_, texts, _, _ := chartParts(c)
	if joined := strings.Join(texts, "|"); !strings.Contains(joined, "No feedback yet.") || strings.Contains(joined, "review below 3") {
		t.Errorf("empty chart labels %q", texts)
	}
}
