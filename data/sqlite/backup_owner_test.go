package sqlite

import (
	"path/filepath"
	"testing"

	"mentordesk/data"
)

func TestBackupsSayWhoseOrganisationTheyHold(t *testing.T) {
	dir := t.TempDir()
	open := func(name, org string, sample bool) *Store {
		s, err := Open(filepath.Join(dir, name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		set := data.DefaultSettings()
		set.OrgName = org
		if err := s.SaveSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
		if sample {
			s.SetMeta(ctx, "sample", "yes")
		}
		return s
	}
	sampleDB := open("sample.db", "Cascade Youth Music Mentors", true)
	own := open("own.db", "Cascade Youth Music Mentors", false)
	backup := func(s *Store, name string) string {
		p := filepath.Join(dir, name)
		if err := s.Backup(ctx, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A backup taken before databases had an identity is told apart by the sample mark.
	oldSample := backup(sampleDB, "old-sample.db")
	ownOrg, err := own.Organisation(ctx)
	if err != nil || ownOrg.ID == "" {
		t.Fatalf("the organisation has no identity: %+v, %v", ownOrg, err)
	}
	again, _ := own.Organisation(ctx)
	if again.ID != ownOrg.ID {
		t.Fatal("the identity changes from one reading to the next")
	}
	sampleOrg, _ := sampleDB.Organisation(ctx)
	newSample := backup(sampleDB, "new-sample.db")
	ownBackup := backup(own, "own-backup.db")
	for _, c := range []struct {
		name, path string
		holds      bool
	}{
		{"the sample's backup from before identities", oldSample, false},
		{"the sample's backup", newSample, false},
		{"the organisation's own backup", ownBackup, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := BackupOrganisation(c.path)
			if err != nil {
				t.Fatal(err)
			}
			if ownOrg.Holds(b) != c.holds {
				t.Errorf("%s (%+v) held by %+v: %v; want %v", c.path, b, ownOrg, !c.holds, c.holds)
			}
		})
	}
	if b, _ := BackupOrganisation(newSample); !sampleOrg.Holds(b) || b.Label() != "Cascade Youth Music Mentors (the sample organisation)" {
		t.Errorf("the sample's backup reads %q", b.Label())
	}
}
