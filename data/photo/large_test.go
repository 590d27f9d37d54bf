package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"sync"
	"sync/atomic"
	"testing"
)

// Six 8000×8000 photos prepared on every core at once peaked at a gigabyte: a large photo is
// decoded at full size only while no other is.
func TestLargePhotosAreDecodedOneAtATime(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 2100, 2000))
	for i := range img.Pix {
		img.Pix[i] = byte(i / 97)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 70}); err != nil {
		t.Fatal(err)
	}
	var peak atomic.Int32
	watchLarge = func(n int) {
		if int32(n) > peak.Load() {
			peak.Store(int32(n))
		}
	}
	defer func() { watchLarge = nil }()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if out, err := Prepare(b.Bytes()); err != nil || len(out) == 0 {
				t.Errorf("prepare: %v", err)
			}
		})
	}
	wg.Wait()
	if got := peak.Load(); got != 1 {
		t.Errorf("at most %d large photos were decoded at once; want 1", got)
	}
}
