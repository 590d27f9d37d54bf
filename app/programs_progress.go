package app

import (
	"context"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
)

// enrollmentSource is what the enrollment list (and Home's at-risk panel) reads.
type enrollmentSource interface {
	Settings(ctx context.Context) (data.Settings, error)
	Enrollments(ctx context.Context, mentorID int64, year data.SchoolYear) ([]data.Enrollment, error)
	EnrollmentSessions(ctx context.Context, year data.SchoolYear) (map[int64][]data.Session, error)
	Classrooms(ctx context.Context, schoolID int64) ([]data.Classroom, error)
	Mentors(ctx context.Context, f data.MentorFilter) ([]data.Mentor, error)
}

// enrollmentRow is one enrollment with the names and counts its list row and page show.
type enrollmentRow struct {
	e        data.Enrollment
	room, to data.Classroom // to: Bridge's receiving classroom
	mentor   data.Mentor
	sessions []data.Session
	progress data.Progress
}

// title is "Madrona Heights K-8 · 7th/8th Grade Band", with "→ receiving" for Bridge.
func (r enrollmentRow) title() string {
	t := r.room.School + " · " + r.room.Name
	if r.to.ID != 0 {
		t += " → " + r.to.School + " · " + r.to.Name
	}
	return t
}

func (r enrollmentRow) subtitle() string {
	parts := []string{r.e.Program.Title()}
	switch {
	case r.e.Evaluation:
		parts[0] += " with evaluation"
	case r.e.Program == data.Season && len(r.e.Terms) > 0:
		parts[0] += " for the " + r.e.Terms[0].EventName
	}
	if r.e.ExtendsID != 0 {
		parts[0] += " (extra season)"
	}
	parts = append(parts, r.mentor.Name())
	switch r.e.Status {
	case data.EnrollmentEnded:
		parts = append(parts, "ended early on "+r.e.EndedOn.String())
	case data.EnrollmentDone:
		parts = append(parts, "done")
	}
	return strings.Join(parts, " · ")
}

// loadEnrollments reads a school year's enrollments with their sessions and progress on today.
func loadEnrollments(ctx context.Context, src enrollmentSource, year data.SchoolYear, today data.Date) ([]enrollmentRow, error) {
	es, err := src.Enrollments(ctx, 0, year)
	if err != nil {
		return nil, err
	}
	sessions, err := src.EnrollmentSessions(ctx, year)
	if err != nil {
		return nil, err
	}
	rooms, err := src.Classrooms(ctx, 0)
	if err != nil {
		return nil, err
	}
	mentors, err := src.Mentors(ctx, data.MentorFilter{})
	if err != nil {
		return nil, err
	}
	roomByID := map[int64]data.Classroom{}
	for _, c := range rooms {
		roomByID[c.ID] = c
	}
	mentorByID := map[int64]data.Mentor{}
	for _, m := range mentors {
		mentorByID[m.ID] = m
	}
	out := make([]enrollmentRow, len(es))
	for i, e := range es {
		out[i] = enrollmentRow{e: e, room: roomByID[e.ClassroomID], to: roomByID[e.ToClassroomID], mentor: mentorByID[e.MentorID],
			sessions: sessions[e.ID], progress: data.EnrollmentProgress(e, sessions[e.ID], today)}
	}
	slices.SortStableFunc(out, func(a, b enrollmentRow) int {
		return strings.Compare(a.title()+a.mentor.SortName(), b.title()+b.mentor.SortName())
	})
	return out, nil
}

// atRisk is one enrollment whose commitment is in danger, for Home.
type atRisk struct {
	EnrollmentID int64
	Title        string   // "Focused Mentorship · Cascade Middle School · 8th Grade Band · Siobhan O'Sullivan"
	Flags        []string // data.Progress.AtRisk
}

// atRiskSummary lists the enrollments of today's school year that are at risk (a term event
// within 21 days with sessions unplanned, or cancellations eating into the commitment).
func atRiskSummary(ctx context.Context, src enrollmentSource, today data.Date) ([]atRisk, error) {
	set, err := src.Settings(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := loadEnrollments(ctx, src, set.SchoolYear(today), today)
	if err != nil {
		return nil, err
	}
	var out []atRisk
	for _, r := range rows {
		if len(r.progress.AtRisk) > 0 {
			out = append(out, atRisk{EnrollmentID: r.e.ID, Title: r.e.Program.Title() + " · " + r.title() + " · " + r.mentor.Name(), Flags: r.progress.AtRisk})
		}
	}
	return out, nil
}

// commitmentBar draws done, planned and still unplanned sessions of a commitment as one bar.
type commitmentBar struct {
	widget.BaseWidget
	progress data.Progress
}

func newCommitmentBar() *commitmentBar {
	b := &commitmentBar{}
	b.ExtendBaseWidget(b)
	return b
}

// SetProgress shows p.
func (b *commitmentBar) SetProgress(p data.Progress) { b.progress = p; b.Refresh() }

func (b *commitmentBar) CreateRenderer() fyne.WidgetRenderer {
	r := &commitmentBarRenderer{b: b, track: canvas.NewRectangle(nil), done: canvas.NewRectangle(nil),
		planned: canvas.NewRectangle(nil), text: canvas.NewText("", nil)}
	r.text.TextSize = theme.CaptionTextSize()
	r.Refresh()
	return r
}

type commitmentBarRenderer struct {
	b                    *commitmentBar
	track, done, planned *canvas.Rectangle
	text                 *canvas.Text
}

func (r *commitmentBarRenderer) Destroy() {}

func (r *commitmentBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.planned, r.done, r.text}
}

// The bar keeps at least this width beside its text, whose column fits the widest summary, so
// bars of one list line up.
const (
	commitmentBarMin    = 80
	commitmentBarWidest = "10 done · 10 planned · 10 required"
)

func (r *commitmentBarRenderer) MinSize() fyne.Size {
	t := fyne.MeasureText(commitmentBarWidest, r.text.TextSize, r.text.TextStyle)
	return fyne.NewSize(t.Width+commitmentBarMin+theme.Padding()*2, t.Height+4)
}

func (r *commitmentBarRenderer) Layout(size fyne.Size) {
	p := r.b.progress
	ts := fyne.MeasureText(r.text.Text, r.text.TextSize, r.text.TextStyle)
	column := max(ts.Width, fyne.MeasureText(commitmentBarWidest, r.text.TextSize, r.text.TextStyle).Width)
	barW := max(commitmentBarMin, size.Width-column-theme.Padding()*2)
	total := max(p.Required, p.Done+p.Planned, 1)
	w := func(n int) float32 { return barW * float32(min(n, total)) / float32(total) }
	r.track.Resize(fyne.NewSize(barW, size.Height))
	r.done.Resize(fyne.NewSize(w(p.Done), size.Height))
	r.planned.Resize(fyne.NewSize(w(p.Done+p.Planned), size.Height))
	r.text.Move(fyne.NewPos(size.Width-ts.Width, (size.Height-ts.Height)/2))
}

func (r *commitmentBarRenderer) Refresh() {
	primary := theme.Color(theme.ColorNamePrimary)
	r.track.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.track.StrokeColor, r.track.StrokeWidth = theme.Color(theme.ColorNameSeparator), 1
	r.done.FillColor = primary
	r.planned.FillColor = fade(primary, 0x60)
	for _, rect := range []*canvas.Rectangle{r.track, r.done, r.planned} {
		rect.CornerRadius = 3
	}
	r.text.Text = r.b.progress.Summary()
	r.text.Color = theme.Color(theme.ColorNameForeground)
	r.Layout(r.b.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// fade is c at the given opacity.
func fade(c color.Color, alpha uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = alpha
	return n
}
