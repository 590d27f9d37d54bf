package data

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

type mentorFixture struct {
	id          int64
	name, email string
}

type schoolFixture struct {
	id   int64
	name string
}

var (
	ana       = mentorFixture{1, "Ana Ruiz", "ana@example.org"}
	ben       = mentorFixture{2, "Ben Okafor", "ben@example.org"}
	zoe       = mentorFixture{3, "Zoë Łukasiewicz", "zoe@example.org"}
	lincoln   = schoolFixture{10, "Lincoln Middle School"}
	roosevelt = schoolFixture{20, "Roosevelt High School"}
)

// sess makes a 50-minute session; a confirmed one is confirmed on its own date.
func sess(id int64, m mentorFixture, sc schoolFixture, date, start, classroom string, p Program, st SessionStatus) Session {
	c, err := ParseClock(start)
	if err != nil {
		panic(err)
	}
	s := Session{ID: id, MentorID: m.id, MentorName: m.name, MentorEmail: m.email, SchoolID: sc.id, School: sc.name,
		Date: MustDate(date), Start: c, Minutes: 50, Classroom: classroom, Program: p, Status: st}
	if st == Confirmed {
		s.ConfirmedOn = s.Date
	}
	return s
}

func locked(s Session, statementID int64) Session {
	s.StatementID = statementID
	return s
}

// visitOf groups sessions that must form exactly one visit.
func visitOf(t *testing.T, sessions ...Session) Visit {
	t.Helper()
	vs := Visits(sessions)
	if len(vs) != 1 {
		t.Fatalf("sessions form %d visits, want 1", len(vs))
	}
	return vs[0]
}

func describeVisit(v Visit) string {
	var rooms []string
	for _, s := range v.Sessions {
		rooms = append(rooms, s.Start.String()+" "+s.Classroom)
	}
	return fmt.Sprintf("%s %s at %s: %s", v.Date, v.MentorName, v.School, strings.Join(rooms, ", "))
}

func describeStatement(st Statement) string {
	s := fmt.Sprintf("%d %s %s at %s: %d sessions %s", st.Number, st.VisitDate, st.MentorName, st.School,
		st.SessionsPaid(), st.SessionAmount())
	if c := st.ContinuationAmount(); c != 0 {
		s += ", continuation " + c.String()
	}
	return s
}

func lineTexts(st Statement) []string {
	var out []string
	for _, l := range st.Lines {
		out = append(out, fmt.Sprintf("%s: %s %s", l.Kind, l.Description, l.Amount))
	}
	return out
}

func TestVisits(t *testing.T) {
	tests := []struct {
		name     string
		sessions []Session
		want     []string
	}{
		{
			name: "a visit with three classrooms is one visit, classrooms in start order",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-06", "10:40", "8th Grade Orchestra", Season, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(3, ana, lincoln, "2026-10-06", "08:30", "Jazz Band", Bridge, Confirmed),
			},
			want: []string{"2026-10-06 Ana Ruiz at Lincoln Middle School: 08:30 Jazz Band, 09:40 7th Grade Band, 10:40 8th Grade Orchestra"},
		},
		{
			name: "two classrooms at the same hour are ordered by classroom",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-06", "09:40", "Choir", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
			},
			want: []string{"2026-10-06 Ana Ruiz at Lincoln Middle School: 09:40 7th Grade Band, 09:40 Choir"},
		},
		{
			name: "two visits the same day at two schools",
			sessions: []Session{
				sess(1, ana, roosevelt, "2026-10-06", "13:10", "Wind Ensemble", Season, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
			},
			want: []string{
				"2026-10-06 Ana Ruiz at Lincoln Middle School: 09:40 7th Grade Band",
				"2026-10-06 Ana Ruiz at Roosevelt High School: 13:10 Wind Ensemble",
			},
		},
		{
			name: "visits by date, then mentor name, then school name",
			sessions: []Session{
				sess(1, zoe, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, roosevelt, "2026-10-07", "09:40", "Wind Ensemble", Focused, Confirmed),
				sess(3, ben, roosevelt, "2026-10-06", "09:40", "Wind Ensemble", Focused, Confirmed),
				sess(4, ben, lincoln, "2026-10-06", "13:10", "Choir", Focused, Confirmed),
			},
			want: []string{
				"2026-10-06 Ben Okafor at Lincoln Middle School: 13:10 Choir",
				"2026-10-06 Ben Okafor at Roosevelt High School: 09:40 Wind Ensemble",
				"2026-10-06 Zoë Łukasiewicz at Lincoln Middle School: 09:40 7th Grade Band",
				"2026-10-07 Ana Ruiz at Roosevelt High School: 09:40 Wind Ensemble",
			},
		},
		{
			name: "the same classroom on two dates is two visits",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-20", "09:40", "7th Grade Band", Focused, Planned),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
			},
			want: []string{
				"2026-10-06 Ana Ruiz at Lincoln Middle School: 09:40 7th Grade Band",
				"2026-10-20 Ana Ruiz at Lincoln Middle School: 09:40 7th Grade Band",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, v := range Visits(tt.sessions) {
				got = append(got, describeVisit(v))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("visits:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestVisitReady(t *testing.T) {
	tests := []struct {
		name       string
		statuses   []SessionStatus
		wantReady  bool
		wantReason string
	}{
		{"three classrooms confirmed", []SessionStatus{Confirmed, Confirmed, Confirmed}, true, ""},
		{"one cancelled and one confirmed", []SessionStatus{Cancelled, Confirmed}, true, ""},
		{"one still awaiting the instructor's confirmation", []SessionStatus{Confirmed, Completed}, false, "completed"},
		{"one still planned", []SessionStatus{Planned, Confirmed}, false, "planned"},
		{"every session cancelled: nothing to pay", []SessionStatus{Cancelled, Cancelled}, false, "no session is confirmed"},
	}
	rooms := []string{"7th Grade Band", "8th Grade Orchestra", "Choir"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sessions []Session
			for i, st := range tt.statuses {
				sessions = append(sessions, sess(int64(i+1), ana, lincoln, "2026-10-06", fmt.Sprintf("%02d:00", 8+i), rooms[i], Focused, st))
			}
			v := visitOf(t, sessions...)
			if got := v.Ready(); got != tt.wantReady {
				t.Errorf("Ready() = %v, want %v", got, tt.wantReady)
			}
			_, err := StatementFor(v, DefaultSettings(), NewPaymentHistory(nil, nil))
			switch {
			case tt.wantReady && err != nil:
				t.Errorf("StatementFor: %v", err)
			case !tt.wantReady && (err == nil || !strings.Contains(err.Error(), tt.wantReason)):
				t.Errorf("StatementFor error = %v, want one saying %q", err, tt.wantReason)
			}
		})
	}
}

func TestVisitIssued(t *testing.T) {
	tests := []struct {
		name     string
		sessions []Session
		want     bool
	}{
		{"not yet on a statement", []Session{
			sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
		}, false},
		{"every confirmed session on a statement, the cancelled one on none", []Session{
			locked(sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed), 7),
			sess(2, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Cancelled),
		}, true},
		{"a session confirmed after the statement still waits", []Session{
			locked(sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed), 7),
			sess(2, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Confirmed),
		}, false},
		{"nothing confirmed: nothing issued", []Session{
			sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Cancelled),
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visitOf(t, tt.sessions...).Issued(); got != tt.want {
				t.Errorf("Issued() = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestStatementFor(t *testing.T) {
	tests := []struct {
		name     string
		sessions []Session
		want     []string
		wantErr  string
	}{
		{
			name: "a visit with three classrooms is paid once, one line per classroom",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-06", "10:40", "8th Grade Orchestra", Season, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(3, ana, lincoln, "2026-10-06", "08:30", "Jazz Band", Bridge, Confirmed),
			},
			want: []string{
				"session: Jazz Band — Bridge Mentorship, 08:30–09:20 85.00",
				"session: 7th Grade Band — Focused Mentorship, 09:40–10:30 75.00",
				"session: 8th Grade Orchestra — Season Mentorship, 10:40–11:30 75.00",
			},
		},
		{
			name: "a cancelled session pays nothing and gets no line",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Cancelled),
				sess(2, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Confirmed),
			},
			want: []string{"session: Choir — Focused Mentorship, 10:40–11:30 75.00"},
		},
		{
			name: "a session confirmed after the visit's statement is paid on its own",
			sessions: []Session{
				locked(sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed), 7),
				sess(2, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Confirmed),
			},
			want: []string{"session: Choir — Focused Mentorship, 10:40–11:30 75.00"},
		},
		{
			name: "a visit already on a statement is not paid again",
			sessions: []Session{
				locked(sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed), 7),
			},
			wantErr: "already on a statement",
		},
		{
			name: "a session awaiting confirmation holds the statement back",
			sessions: []Session{
				sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Completed),
			},
			wantErr: "Choir at 10:40 is completed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := visitOf(t, tt.sessions...)
			st, err := StatementFor(v, DefaultSettings(), NewPaymentHistory(nil, nil))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := lineTexts(st); !slices.Equal(got, tt.want) {
				t.Errorf("lines:\n got %q\nwant %q", got, tt.want)
			}
			if st.MentorID != ana.id || st.SchoolID != lincoln.id || st.VisitDate != v.Date {
				t.Errorf("statement is for mentor %d, school %d, %s; want the visit's", st.MentorID, st.SchoolID, st.VisitDate)
			}
		})
	}
	t.Run("a missing payment history is refused rather than skipping continuation", func(t *testing.T) {
		v := visitOf(t, sess(1, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed))
		if _, err := StatementFor(v, DefaultSettings(), nil); err == nil {
			t.Error("no error without a payment history")
		}
	})
}

func TestContinuation(t *testing.T) {
	tests := []struct {
		name     string
		start    MonthDay  // the school year's first day; zero for the default 1 July
		history  []Session // besides the visit's own sessions
		paid     []ContinuationPaid
		visit    []Session
		wantYear string // the school year continuation is paid for; "" for none
	}{
		{
			name:     "earned at the first confirmed session of the new year",
			history:  []Session{sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed)},
			visit:    []Session{sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)},
			wantYear: "2026-27",
		},
		{
			name: "when the first session of the year was cancelled, it moves to the first confirmed one",
			history: []Session{
				sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-09-08", "09:40", "7th Grade Band", Focused, Cancelled),
			},
			visit:    []Session{sess(3, ana, lincoln, "2026-09-22", "09:40", "7th Grade Band", Focused, Confirmed)},
			wantYear: "2026-27",
		},
		{
			name:    "not when the mentor was at a different school last year",
			history: []Session{sess(1, ana, roosevelt, "2026-03-10", "13:10", "Wind Ensemble", Focused, Confirmed)},
			visit:   []Session{sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name:    "not for another mentor's sessions at the school last year",
			history: []Session{sess(1, ben, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed)},
			visit:   []Session{sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name:    "not when last year's sessions were all cancelled",
			history: []Session{sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Cancelled)},
			visit:   []Session{sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name:  "not in the mentor's first year at the school",
			visit: []Session{sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name: "only once per school per year: not on the second visit",
			history: []Session{
				sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed),
			},
			visit: []Session{sess(3, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name:    "only once per school per year: not when already paid this year",
			history: []Session{sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed)},
			paid:    []ContinuationPaid{{ana.id, lincoln.id, MustDate("2026-09-01")}},
			visit:   []Session{sess(3, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed)},
		},
		{
			name:     "last year's continuation does not stop this year's",
			history:  []Session{sess(1, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed)},
			paid:     []ContinuationPaid{{ana.id, lincoln.id, MustDate("2025-09-16")}},
			visit:    []Session{sess(3, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed)},
			wantYear: "2026-27",
		},
		{
			name:     "a session on 30 June belongs to the previous school year (1 July start)",
			history:  []Session{sess(1, ana, lincoln, "2026-06-30", "09:40", "Summer Band", Season, Confirmed)},
			visit:    []Session{sess(2, ana, lincoln, "2026-07-01", "09:40", "Summer Band", Season, Confirmed)},
			wantYear: "2026-27",
		},
		{
			name:    "a visit on 30 June is still in the old year (1 July start)",
			history: []Session{sess(1, ana, lincoln, "2025-09-16", "09:40", "7th Grade Band", Focused, Confirmed)},
			visit:   []Session{sess(2, ana, lincoln, "2026-06-30", "09:40", "Summer Band", Season, Confirmed)},
		},
		{
			name:     "with a 1 August start, July is still the old year",
			start:    MonthDay{time.August, 1},
			history:  []Session{sess(1, ana, lincoln, "2026-07-15", "09:40", "Summer Band", Season, Confirmed)},
			visit:    []Session{sess(2, ana, lincoln, "2026-08-01", "09:40", "7th Grade Band", Focused, Confirmed)},
			wantYear: "2026-27",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultSettings()
			if tt.start != (MonthDay{}) {
				s.SchoolYearStart = tt.start
			}
			h := NewPaymentHistory(append(slices.Clone(tt.history), tt.visit...), tt.paid)
			st, err := StatementFor(visitOf(t, tt.visit...), s, h)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range st.Lines {
				if l.Kind == ContinuationLine {
					got = append(got, fmt.Sprintf("%s %s", l.Description, l.Amount))
				}
			}
			var want []string
			if tt.wantYear != "" {
				want = []string{"Continuation compensation — returning to Lincoln Middle School in " + tt.wantYear + " 50.00"}
			}
			if !slices.Equal(got, want) {
				t.Errorf("continuation lines %q, want %q", got, want)
			}
		})
	}
}

func TestIssueAll(t *testing.T) {
	lastYear := []Session{sess(100, ana, lincoln, "2026-03-10", "09:40", "7th Grade Band", Focused, Confirmed)}
	tests := []struct {
		name     string
		history  []Session // the history knows only these; IssueAll learns the visits' sessions itself
		sessions []Session
		want     []string
	}{
		{
			name: "two visits the same day at two schools: two statements",
			sessions: []Session{
				sess(1, ana, roosevelt, "2026-10-06", "13:10", "Wind Ensemble", Season, Confirmed),
				sess(2, ana, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(3, ana, lincoln, "2026-10-06", "10:40", "Choir", Focused, Confirmed),
			},
			want: []string{
				"41 2026-10-06 Ana Ruiz at Lincoln Middle School: 2 sessions 150.00",
				"42 2026-10-06 Ana Ruiz at Roosevelt High School: 1 sessions 75.00",
			},
		},
		{
			name: "numbered without gaps in date, mentor name, school name order, skipping visits not ready or issued",
			sessions: []Session{
				sess(1, zoe, lincoln, "2026-10-06", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-10-07", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(3, ben, roosevelt, "2026-10-06", "09:40", "Wind Ensemble", Focused, Confirmed),
				sess(4, ben, lincoln, "2026-10-06", "13:10", "Choir", Focused, Planned),
				locked(sess(5, ana, roosevelt, "2026-10-06", "13:10", "Wind Ensemble", Focused, Confirmed), 40),
				sess(6, ana, lincoln, "2026-10-06", "09:40", "Choir", Focused, Completed),
			},
			want: []string{
				"41 2026-10-06 Ben Okafor at Roosevelt High School: 1 sessions 75.00",
				"42 2026-10-06 Zoë Łukasiewicz at Lincoln Middle School: 1 sessions 75.00",
				"43 2026-10-07 Ana Ruiz at Lincoln Middle School: 1 sessions 75.00",
			},
		},
		{
			name:    "continuation only once per school per year, even within one batch",
			history: lastYear,
			sessions: []Session{
				sess(2, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(1, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(3, ana, roosevelt, "2026-09-15", "13:10", "Wind Ensemble", Focused, Confirmed),
			},
			want: []string{
				"41 2026-09-15 Ana Ruiz at Lincoln Middle School: 1 sessions 75.00, continuation 50.00",
				"42 2026-09-15 Ana Ruiz at Roosevelt High School: 1 sessions 75.00",
				"43 2026-09-29 Ana Ruiz at Lincoln Middle School: 1 sessions 75.00",
			},
		},
		{
			name:    "continuation waits for the visit with the first confirmed session, even when it is not ready",
			history: lastYear,
			sessions: []Session{
				sess(1, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed),
				sess(2, ana, lincoln, "2026-09-15", "10:40", "Choir", Focused, Completed),
				sess(3, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed),
			},
			want: []string{"41 2026-09-29 Ana Ruiz at Lincoln Middle School: 1 sessions 75.00"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			issuedOn := MustDate("2026-10-15")
			got := IssueAll(Visits(tt.sessions), DefaultSettings(), NewPaymentHistory(tt.history, nil), 41, issuedOn)
			var texts []string
			for _, st := range got {
				texts = append(texts, describeStatement(st))
				if st.IssuedOn != issuedOn || st.Status != Issued {
					t.Errorf("statement %d issued on %s with status %q", st.Number, st.IssuedOn, st.Status)
				}
			}
			if !slices.Equal(texts, tt.want) {
				t.Errorf("statements:\n got %q\nwant %q", texts, tt.want)
			}
		})
	}

	t.Run("a rate change between two issues does not touch the first statement", func(t *testing.T) {
		s := DefaultSettings()
		sessions := []Session{sess(1, ana, lincoln, "2026-09-15", "09:40", "7th Grade Band", Focused, Confirmed)}
		first := IssueAll(Visits(sessions), s, NewPaymentHistory(nil, nil), 1, MustDate("2026-09-20"))
		if len(first) != 1 {
			t.Fatalf("first issue made %d statements, want 1", len(first))
		}
		kept := describeStatement(first[0])
		sessions[0] = locked(sessions[0], 1) // the store locks what a statement pays

		s.RateFocused = 8000
		sessions = append(sessions, sess(2, ana, lincoln, "2026-09-29", "09:40", "7th Grade Band", Focused, Confirmed))
		second := IssueAll(Visits(sessions), s, NewPaymentHistory(nil, nil), 2, MustDate("2026-10-05"))

		var got []string
		for _, st := range second {
			got = append(got, describeStatement(st))
		}
		want := []string{"2 2026-09-29 Ana Ruiz at Lincoln Middle School: 1 sessions 80.00"}
		if !slices.Equal(got, want) {
			t.Errorf("second issue:\n got %q\nwant %q", got, want)
		}
		if describeStatement(first[0]) != "1 2026-09-15 Ana Ruiz at Lincoln Middle School: 1 sessions 75.00" || describeStatement(first[0]) != kept {
			t.Errorf("first statement became %q", describeStatement(first[0]))
		}
	})
}

func issuedStatement(number int, m mentorFixture, issuedOn string, status StatementStatus, amounts ...Money) Statement {
	st := Statement{Number: number, IssuedOn: MustDate(issuedOn), MentorID: m.id, MentorName: m.name,
		MentorEmail: m.email, SchoolID: lincoln.id, School: lincoln.name, VisitDate: MustDate(issuedOn).AddDays(-5), Status: status}
	for _, a := range amounts {
		st.Lines = append(st.Lines, StatementLine{Kind: SessionLine, Description: "7th Grade Band", Amount: a})
	}
	return st
}

func TestAdjustment(t *testing.T) {
	original := issuedStatement(41, ana, "2026-10-15", Issued, 7500, 7500)
	tests := []struct {
		name      string
		original  Statement
		lines     []StatementLine
		reason    string
		wantTotal Money
		wantErr   string
	}{
		{
			name:      "a negative line corrects an overpaid session and refers to the original",
			original:  original,
			lines:     []StatementLine{{Description: "Choir paid at the Bridge rate", Amount: -1000}},
			reason:    "Choir is Focused Mentorship",
			wantTotal: -1000,
		},
		{
			name:      "a positive line pays what was missed; the reason describes a line left blank",
			original:  original,
			lines:     []StatementLine{{Amount: 5000}},
			reason:    "Continuation compensation missed",
			wantTotal: 5000,
		},
		{
			name:     "a reason is required",
			original: original,
			lines:    []StatementLine{{Description: "correction", Amount: -1000}},
			reason:   "  ",
			wantErr:  "reason: is required",
		},
		{
			name:     "an adjustment without lines is refused",
			original: original,
			reason:   "nothing",
			wantErr:  "at least one line",
		},
		{
			name:     "a line without an amount is refused",
			original: original,
			lines:    []StatementLine{{Description: "nothing", Amount: 0}, {Description: "more", Amount: 100}},
			reason:   "typo",
			wantErr:  "line 1 has no amount",
		},
		{
			name:     "lines that add up to zero are refused",
			original: original,
			lines:    []StatementLine{{Description: "Choir", Amount: 1000}, {Description: "Band", Amount: -1000}},
			reason:   "moved between classrooms",
			wantErr:  "add up to zero",
		},
		{
			name:     "a statement never issued cannot be adjusted",
			original: Statement{MentorID: ana.id},
			lines:    []StatementLine{{Description: "x", Amount: 100}},
			reason:   "typo",
			wantErr:  "has not been issued",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			adj, err := Adjustment(tt.original, tt.lines, tt.reason, 57, MustDate("2026-11-02"))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if adj.Number != 57 || adj.Adjusts != 41 || adj.Reason != strings.TrimSpace(tt.reason) {
				t.Errorf("adjustment %d adjusts %d for %q; want 57 adjusting 41", adj.Number, adj.Adjusts, adj.Reason)
			}
			if adj.MentorID != ana.id || adj.SchoolID != lincoln.id || adj.VisitDate != tt.original.VisitDate || adj.Status != Issued {
				t.Errorf("adjustment does not carry the original's mentor, school and visit: %+v", adj)
			}
			if adj.Total() != tt.wantTotal {
				t.Errorf("total %s, want %s", adj.Total(), tt.wantTotal)
			}
			for _, l := range adj.Lines {
				if l.Kind != AdjustmentLine || l.Description == "" {
					t.Errorf("line %+v is not a described adjustment line", l)
				}
			}
			if original.Total() != 15000 || len(original.Lines) != 2 {
				t.Errorf("the original changed: %+v", original)
			}
		})
	}
}

func TestYearTotals(t *testing.T) {
	threshold := Money(200000)
	tests := []struct {
		name       string
		statements []Statement
		want       []YearTotal
	}{
		{
			name: "totals per mentor are the sum of statements and adjustments",
			statements: []Statement{
				issuedStatement(41, ana, "2026-10-15", Paid, 7500, 7500),
				issuedStatement(42, ben, "2026-10-15", Issued, 8500),
				issuedStatement(43, ana, "2026-11-15", Issued, 7500, 5000),
				{Number: 44, IssuedOn: MustDate("2026-11-20"), MentorID: ana.id, MentorName: ana.name, Adjusts: 41,
					Status: Issued, Lines: []StatementLine{{Kind: AdjustmentLine, Amount: -1000}}},
			},
			want: []YearTotal{
				{MentorID: ana.id, MentorName: ana.name, Year: 2026, Total: 26500, Statements: 3},
				{MentorID: ben.id, MentorName: ben.name, Year: 2026, Total: 8500, Statements: 1},
			},
		},
		{
			name:       "a year of exactly the threshold is reported",
			statements: []Statement{issuedStatement(1, ana, "2026-03-01", Paid, 100000), issuedStatement(2, ana, "2026-12-31", Issued, 100000)},
			want:       []YearTotal{{MentorID: ana.id, MentorName: ana.name, Year: 2026, Total: 200000, Statements: 2, OverThreshold: true}},
		},
		{
			name:       "one cent under the threshold is not",
			statements: []Statement{issuedStatement(1, ana, "2026-03-01", Paid, 199999)},
			want:       []YearTotal{{MentorID: ana.id, MentorName: ana.name, Year: 2026, Total: 199999, Statements: 1}},
		},
		{
			name: "an adjustment can bring a year under the threshold",
			statements: []Statement{
				issuedStatement(1, ana, "2026-03-01", Paid, 200000),
				{Number: 2, IssuedOn: MustDate("2026-04-01"), MentorID: ana.id, MentorName: ana.name, Adjusts: 1,
					Status: Issued, Lines: []StatementLine{{Kind: AdjustmentLine, Amount: -1}}},
			},
			want: []YearTotal{{MentorID: ana.id, MentorName: ana.name, Year: 2026, Total: 199999, Statements: 2}},
		},
		{
			name: "counted by calendar year of issue, not school year, then by mentor name",
			statements: []Statement{
				issuedStatement(3, ana, "2027-01-04", Issued, 7500),
				issuedStatement(2, zoe, "2026-12-31", Paid, 7500),
				issuedStatement(1, ben, "2026-12-30", Paid, 7500),
				{MentorID: ana.id, MentorName: ana.name, Lines: []StatementLine{{Kind: SessionLine, Amount: 7500}}},
			},
			want: []YearTotal{
				{MentorID: ben.id, MentorName: ben.name, Year: 2026, Total: 7500, Statements: 1},
				{MentorID: zoe.id, MentorName: zoe.name, Year: 2026, Total: 7500, Statements: 1},
				{MentorID: ana.id, MentorName: ana.name, Year: 2027, Total: 7500, Statements: 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := YearTotals(tt.statements, threshold); !slices.Equal(got, tt.want) {
				t.Errorf("year totals:\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestBalances(t *testing.T) {
	tests := []struct {
		name       string
		statements []Statement
		want       map[int64]Balance
	}{
		{
			name: "issued statements are owed, paid ones paid, adjustments count where their status says",
			statements: []Statement{
				issuedStatement(41, ana, "2026-10-15", Paid, 7500, 7500),
				issuedStatement(42, ana, "2026-10-29", Issued, 7500),
				issuedStatement(43, ben, "2026-10-29", Issued, 8500),
				{Number: 44, IssuedOn: MustDate("2026-11-02"), MentorID: ana.id, Adjusts: 41, Status: Issued,
					Lines: []StatementLine{{Kind: AdjustmentLine, Amount: -1000}}},
			},
			want: map[int64]Balance{ana.id: {Owed: 6500, Paid: 15000}, ben.id: {Owed: 8500}},
		},
		{
			name:       "a draft not yet issued is neither owed nor paid",
			statements: []Statement{{MentorID: ana.id, Lines: []StatementLine{{Kind: SessionLine, Amount: 7500}}}},
			want:       map[int64]Balance{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Balances(tt.statements)
			if !maps.Equal(got, tt.want) {
				t.Errorf("balances %v, want %v", got, tt.want)
			}
		})
	}
}
