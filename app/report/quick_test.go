package report

import (
	"os"
	"testing"
)

func TestQuick(t *testing.T) {
	r, err := NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll("/tmp/report", 0o755)
	for name, d := range samples() {
		if err := r.WriteFile("/tmp/report/"+name+".pdf", d); err != nil {
			t.Fatal(name, err)
		}
	}
}
