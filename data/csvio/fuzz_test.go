package csvio

import (
	"bytes"
	"errors"
	"reflect"
	"testing"

	"mentordesk/data"
)

// The fuzz targets check that no input makes a reader panic, that a refused file returns no
// records and only located problems, and that an accepted file writes back to the same values.

func checkRefusal[T any](t *testing.T, file string, recs []Record[T], err error) {
	var es Errors
	if !errors.As(err, &es) || len(es) == 0 {
		t.Fatalf("error is not Errors: %v", err)
	}
	if recs != nil {
		t.Fatal("records returned with problems")
	}
	for _, e := range es {
		if e.File != file || e.Line < 0 || e.Problem == "" {
			t.Fatalf("problem without a place: %#v", e)
		}
	}
}

func FuzzReadSessions(f *testing.F) {
	f.Fuzz(func(t *testing.T, in []byte) {
		recs, err := ReadSessions(bytes.NewReader(in), "sessions.csv")
		if err != nil {
			checkRefusal(t, "sessions.csv", recs, err)
			return
		}
		var buf bytes.Buffer
		ss := make([]data.Session, len(recs))
		for i, r := range recs {
			ss[i] = r.Value
		}
		if err := WriteSessions(&buf, ss); err != nil {
			t.Fatal(err)
		}
		again, err := ReadSessions(&buf, "sessions.csv")
		if err != nil {
			t.Fatalf("what was read does not read back: %v\n%s", err, buf.String())
		}
		if len(again) != len(ss) {
			t.Fatalf("%d rows read back, want %d", len(again), len(ss))
		}
		for i := range again {
			if !reflect.DeepEqual(again[i].Value, ss[i]) {
				t.Fatalf("row %d reads back as %+v, want %+v", i, again[i].Value, ss[i])
			}
		}
	})
}

func FuzzReadMentors(f *testing.F) {
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		recs, err := ReadMentors(bytes.NewReader(in), "mentors.csv", dir)
		if err != nil {
			checkRefusal(t, "mentors.csv", recs, err)
			return
		}
		var buf bytes.Buffer
		ms := make([]data.Mentor, len(recs))
		for i, r := range recs {
			ms[i] = r.Value
		}
		if err := WriteMentors(&buf, ms, "", ""); err != nil {
			t.Fatal(err)
		}
		again, err := ReadMentors(&buf, "mentors.csv", dir)
		if err != nil {
			t.Fatalf("what was read does not read back: %v\n%s", err, buf.String())
		}
		if len(again) != len(ms) {
			t.Fatalf("%d rows read back, want %d", len(again), len(ms))
		}
		for i := range again {
			if !reflect.DeepEqual(again[i].Value, ms[i]) {
				t.Fatalf("row %d reads back as %+v, want %+v", i, again[i].Value, ms[i])
			}
		}
	})
}
