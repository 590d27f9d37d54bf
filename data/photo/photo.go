// Package photo turns a mentor's photo, as a director finds it on disk, into the small square
// JPEG the roster prints, and draws placeholder portraits for sample data.
package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"sync/atomic"
)

const (
	Size         = 360      // side of a prepared photo, in pixels
	Quality      = 85       // JPEG quality of a prepared photo
	MaxFileBytes = 15 << 20 // larger files are refused before decoding
	MaxSide      = 8000     // widest or tallest image accepted
	MinSide      = 32       // smaller images would print as a blur
)

// maxDecodedBytes bounds the memory a decoded image may take: an 8000×8000 image at 8 bits per
// channel. A 16-bit PNG of the same size would double it, so it is refused.
const maxDecodedBytes = MaxSide * MaxSide * 4

// keepAsIsBytes bounds a photo that is kept byte for byte (see alreadyPrepared).
const keepAsIsBytes = 200 << 10

// ErrNotImage is returned for files that are not JPEG or PNG images.
var ErrNotImage = errors.New("the photo is not a JPEG or PNG image")

// Prepare decodes a JPEG or PNG, turns it upright as its camera recorded, crops it to a centred
// square and scales it to Size×Size, and returns it as a JPEG of quality Quality.
func Prepare(b []byte) ([]byte, error) {
	switch {
	case len(b) == 0:
		return nil, errors.New("the photo file is empty")
	case len(b) > MaxFileBytes:
		return nil, errors.New("the photo file is larger than 15 MB")
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return nil, ErrNotImage
	}
	if format != "jpeg" && format != "png" {
		return nil, fmt.Errorf("the photo is a %s image; use a JPEG or PNG image", strings.ToUpper(format))
	}
	if err := checkSize(cfg); err != nil {
		return nil, err
	}
	if format == "jpeg" && alreadyPrepared(b, cfg) {
		return bytes.Clone(b), nil
	}
	out, err := thumbnail(b, format, cfg)
	if err != nil {
		return nil, err
	}
	if format == "jpeg" {
		out = orient(out, exifOrientation(b))
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: Quality}); err != nil {
		return nil, fmt.Errorf("the photo could not be encoded: %w", err)
	}
	return buf.Bytes(), nil
}

// largePixels is the size from which a photo is decoded by one caller at a time: an
// 8000×8000 camera photo takes about 100 MB decoded, and a roster imported on every core at
// once went past a gigabyte.
const largePixels = 2000 * 2000

// fullSize lets one large photo at a time be decoded at full size.
var fullSize = make(chan struct{}, 1)

// decodingLarge counts the large photos being decoded; watchLarge, set by tests, sees it.
var (
	decodingLarge atomic.Int32
	watchLarge    func(n int)
)

// thumbnail decodes b and scales its centred square to Size. A large photo is decoded only
// while no other is, and its pixels are collected before the next one starts.
func thumbnail(b []byte, format string, cfg image.Config) (*image.RGBA, error) {
	if cfg.Width*cfg.Height >= largePixels {
		fullSize <- struct{}{}
		decodingLarge.Add(1)
		defer func() {
			decodingLarge.Add(-1)
			runtime.GC() // the decoded pixels are garbage now; free them before the next decode
			<-fullSize
		}()
		if watchLarge != nil {
			watchLarge(int(decodingLarge.Load()))
		}
	}
	var img image.Image
	var err error
	if format == "jpeg" {
		img, err = jpeg.Decode(bytes.NewReader(b))
	} else {
		img, err = png.Decode(bytes.NewReader(b))
	}
	if err != nil {
		return nil, errors.New("the photo is damaged or incomplete: its image data could not be read")
	}
	return squareThumbnail(img, Size), nil
}

func checkSize(cfg image.Config) error {
	w, h := cfg.Width, cfg.Height
	switch {
	case w > MaxSide || h > MaxSide:
		return fmt.Errorf("the photo is %d×%d pixels; at most %d×%d is accepted", w, h, MaxSide, MaxSide)
	case w < MinSide || h < MinSide:
		return fmt.Errorf("the photo is %d×%d pixels; at least %d×%d is needed", w, h, MinSide, MinSide)
	case w*h*bytesPerPixel(cfg.ColorModel) > maxDecodedBytes:
		return fmt.Errorf("the photo (%d×%d pixels, 16-bit colour) is too large to open; save it with 8-bit colour or smaller", w, h)
	}
	return nil
}

func bytesPerPixel(m color.Model) int {
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	switch m {
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	case color.YCbCrModel:
		return 3
	case color.Gray16Model:
		return 2
	}
	return 1
}

// alreadyPrepared reports whether b is a photo this package made: re-encoding it on every
// export and import would lose a little quality each time.
func alreadyPrepared(b []byte, cfg image.Config) bool {
	if cfg.Width != Size || cfg.Height != Size || len(b) > keepAsIsBytes || !plainJPEG(b) {
		return false
	}
	_, err := jpeg.Decode(bytes.NewReader(b))
	return err == nil
}
