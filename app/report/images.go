package report

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
)

// picture is an image ready for gofpdf: JPEG bytes are embedded as they are, so a batch pays
// for decoding only when an image must be cropped, shrunk or converted.
type picture struct {
	data []byte
	kind string // gofpdf image type: "JPG" or "PNG"
	w, h int    // pixels
}

func (p *picture) aspect() float64 { return float64(p.w) / float64(p.h) }

// Limits beyond which an image is shrunk before it is embedded; they keep files small.
const (
	maxPhotoPixels = 1000 // side of a square photo embedded as it is
	photoSide      = 480  // side of a photo that had to be redrawn
	maxLogoPixels  = 900
)

func decodeConfig(b []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return cfg, err
	}
	if format != "jpeg" && format != "png" {
		return cfg, errors.New("not a PNG or JPEG image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > 20000 || cfg.Height > 20000 {
		return cfg, errors.New("image size out of range")
	}
	return cfg, nil
}

// preparePhoto returns a photo ready to be cropped square on the page, or nil when the bytes are
// not an image (the roster then shows the initials instead).
func preparePhoto(b []byte) *picture {
	if len(b) == 0 {
		return nil
	}
	cfg, err := decodeConfig(b)
	if err != nil {
		return nil
	}
	if isJPEG(b) && cfg.Width <= maxPhotoPixels && cfg.Height <= maxPhotoPixels {
		return &picture{data: b, kind: "JPG", w: cfg.Width, h: cfg.Height}
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil
	}
	sq := squareCrop(img.Bounds())
	side := min(sq.Dx(), photoSide)
	out := onWhite(shrink(img, sq, side, side)) // JPEG has no transparency
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: 88}); err != nil {
		return nil
	}
	return &picture{data: buf.Bytes(), kind: "JPG", w: side, h: side}
}

// prepareLogo converts the organisation's logo into a form gofpdf embeds without re-encoding:
// a JPEG as it is, anything else as an opaque 8-bit PNG no larger than a letterhead needs.
// Transparency is flattened onto white, which is what it looks like on paper; a transparent
// PNG would make gofpdf split and recompress the image for every document.
func prepareLogo(b []byte) (*picture, error) {
	cfg, err := decodeConfig(b)
	if err != nil {
		return nil, err
	}
	small := cfg.Width <= maxLogoPixels && cfg.Height <= maxLogoPixels
	if isJPEG(b) && small {
		return &picture{data: b, kind: "JPG", w: cfg.Width, h: cfg.Height}, nil
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	w, h := cfg.Width, cfg.Height
	if !small {
		scale := float64(maxLogoPixels) / float64(max(w, h))
		w, h = max(1, int(float64(w)*scale+0.5)), max(1, int(float64(h)*scale+0.5))
	}
	out := onWhite(shrink(img, img.Bounds(), w, h))
	var buf bytes.Buffer
	if err := png.Encode(&buf, out); err != nil {
		return nil, err
	}
	return &picture{data: buf.Bytes(), kind: "PNG", w: w, h: h}, nil
}

// onWhite composes an image with transparency onto white paper.
func onWhite(img image.Image) *image.RGBA {
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Over)
	return out
}

func isJPEG(b []byte) bool { return len(b) > 2 && b[0] == 0xFF && b[1] == 0xD8 }

// squareCrop is the centred square of r.
func squareCrop(r image.Rectangle) image.Rectangle {
	side := min(r.Dx(), r.Dy())
	x := r.Min.X + (r.Dx()-side)/2
	y := r.Min.Y + (r.Dy()-side)/2
	return image.Rect(x, y, x+side, y+side)
}

// shrink scales the part src of img to w×h by averaging the pixels each output pixel covers;
// it never enlarges, which is all a printed photo needs.
func shrink(img image.Image, src image.Rectangle, w, h int) *image.NRGBA {
	in := image.NewNRGBA(image.Rect(0, 0, src.Dx(), src.Dy()))
	draw.Draw(in, in.Bounds(), img, src.Min, draw.Src)
	if w >= src.Dx() && h >= src.Dy() {
		return in
	}
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	sw, sh := src.Dx(), src.Dy()
	for y := 0; y < h; y++ {
		y0, y1 := y*sh/h, max((y+1)*sh/h, y*sh/h+1)
		for x := 0; x < w; x++ {
			x0, x1 := x*sw/w, max((x+1)*sw/w, x*sw/w+1)
			var r, g, b, a, n int
			for yy := y0; yy < y1; yy++ {
				row := in.Pix[yy*in.Stride:]
				for xx := x0; xx < x1; xx++ {
					p := row[xx*4 : xx*4+4]
					// weight colour by opacity so transparent edges do not darken
					r += int(p[0]) * int(p[3])
					g += int(p[1]) * int(p[3])
					b += int(p[2]) * int(p[3])
					a += int(p[3])
					n++
				}
			}
			c := color.NRGBA{}
			if a > 0 {
				c = color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(a / n)}
			}
			out.SetNRGBA(x, y, c)
		}
	}
	return out
}
