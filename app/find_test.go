package app

import "testing"

// Edit › Find (Ctrl+F) puts the cursor in the search of Mentors and of Schools.
func TestFindFocusesTheSearch(t *testing.T) {
	st := demoStore(t)
	w, sh := testWindow(t, st)
	find := sh.items()["Edit"][0]
	if find.label != "Find" {
		t.Fatalf("the first Edit item is %q", find.label)
	}
	sh.show("Mentors")
	find.run()
	if m := sh.current.scr.(*mentors); w.Canvas().Focused() != m.search {
		t.Errorf("Find on Mentors focuses %T, not the search", w.Canvas().Focused())
	}
	sh.show("Schools")
	find.run()
	if s := sh.current.scr.(*schools); w.Canvas().Focused() != s.search {
		t.Errorf("Find on Schools focuses %T, not the search", w.Canvas().Focused())
	}
}
