package app

import (
	"errors"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
)

// border lays out like container.NewBorder but keeps its parts in reading order — top, left,
// the centre, right, bottom — which is the order Tab moves the focus through them.
// container.NewBorder puts the centre first, so Tab would reach a list before the search
// field above it.
func border(top, bottom, left, right fyne.CanvasObject, center ...fyne.CanvasObject) *fyne.Container {
	var all []fyne.CanvasObject
	add := func(objs ...fyne.CanvasObject) {
		for _, o := range objs {
			if o != nil {
				all = append(all, o)
			}
		}
	}
	add(top, left)
	add(center...)
	add(right, bottom)
	return container.New(layout.NewBorderLayout(top, bottom, left, right), all...)
}

// concurrently runs the reads side by side and waits for them all; their errors are joined.
func concurrently(reads ...func() error) error {
	errs := make([]error, len(reads))
	var wg sync.WaitGroup
	for i, read := range reads {
		wg.Go(func() { errs[i] = read() })
	}
	wg.Wait()
	return errors.Join(errs...)
}
