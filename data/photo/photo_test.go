package photo

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"
)

// bands draws an image split into three bands (left to right, or top to bottom).
func bands(w, h int, vertical bool, a, b, c color.Color) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			pos, total := x, w
			if vertical {
				pos, total = y, h
			}
			col := b
			switch {
			case pos < total/4:
				col = a
			case pos >= total*3/4:
				col = c
			}
			img.Set(x, y, col)
		}
	}
	return img
}

var (
	red   = color.NRGBA{0xE0, 0x20, 0x20, 0xFF}
	green = color.NRGBA{0x20, 0xC0, 0x40, 0xFF}
	blue  = color.NRGBA{0x20, 0x40, 0xE0, 0xFF}
)

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeJPEG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func decodePrepared(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, format, err := image.Decode(bytes.NewReader(b))
	if err != nil || format != "jpeg" {
		t.Fatalf("prepared photo is not a JPEG: %v, %s", err, format)
	}
	if got := img.Bounds().Size(); got != image.Pt(Size, Size) {
		t.Fatalf("prepared photo is %v, want %d×%d", got, Size, Size)
	}
	return img
}

// near reports whether the pixel at x,y is within 40 of c in every channel (JPEG is lossy).
func near(img image.Image, x, y int, c color.NRGBA) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	d := func(a uint32, b uint8) bool { v := int(a>>8) - int(b); return v > -40 && v < 40 }
	return d(r, c.R) && d(g, c.G) && d(b, c.B)
}

func TestPrepareCropsTheCentredSquare(t *testing.T) {
	cases := map[string][]byte{
		"landscape JPEG":        encodeJPEG(t, bands(1000, 500, false, red, green, blue)),
		"portrait PNG":          encodePNG(t, bands(300, 600, true, red, green, blue)),
		"small PNG is enlarged": encodePNG(t, bands(120, 60, false, red, green, blue)),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			out, err := Prepare(in)
			if err != nil {
				t.Fatal(err)
			}
			img := decodePrepared(t, out)
			for _, p := range []image.Point{{2, 2}, {Size / 2, Size / 2}, {Size - 3, Size - 3}, {2, Size - 3}} {
				if !near(img, p.X, p.Y, green) {
					t.Errorf("pixel %v is %v, want the green centre band", p, img.At(p.X, p.Y))
				}
			}
		})
	}
}

func TestPrepareLaysTransparencyOnWhite(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	out, err := Prepare(encodePNG(t, img))
	if err != nil {
		t.Fatal(err)
	}
	if got := decodePrepared(t, out); !near(got, 100, 100, color.NRGBA{255, 255, 255, 255}) {
		t.Errorf("transparent pixel became %v, want white", got.At(100, 100))
	}
}

func TestPrepareScalesSmoothly(t *testing.T) {
	// A fine black-and-white checkerboard must average to grey, not alias into stripes.
	img := image.NewGray(image.Rect(0, 0, 1440, 1440))
	for y := 0; y < 1440; y++ {
		for x := 0; x < 1440; x++ {
			if (x+y)%2 == 0 {
				img.Pix[img.PixOffset(x, y)] = 255
			}
		}
	}
	out, err := Prepare(encodePNG(t, img))
	if err != nil {
		t.Fatal(err)
	}
	got := decodePrepared(t, out)
	for _, p := range []image.Point{{0, 0}, {17, 200}, {180, 180}, {359, 359}} {
		if !near(got, p.X, p.Y, color.NRGBA{128, 128, 128, 255}) {
			t.Errorf("pixel %v is %v, want mid grey", p, got.At(p.X, p.Y))
		}
	}
}

func TestPrepareFollowsEXIFOrientation(t *testing.T) {
	// Top half red, bottom half blue; orientation 6 means "turn 90° clockwise to view".
	img := image.NewNRGBA(image.Rect(0, 0, 64, 64))
	for y := 0; y < 64; y++ {
		for x := 0; x < 64; x++ {
			if y < 32 {
				img.Set(x, y, red)
			} else {
				img.Set(x, y, blue)
			}
		}
	}
	out, err := Prepare(withOrientation(encodeJPEG(t, img), 6))
	if err != nil {
		t.Fatal(err)
	}
	got := decodePrepared(t, out)
	if !near(got, Size-20, Size/2, red) || !near(got, 20, Size/2, blue) {
		t.Errorf("after turning, right is %v and left %v; want red on the right, blue on the left",
			got.At(Size-20, Size/2), got.At(20, Size/2))
	}
}

// withOrientation inserts an EXIF segment holding orientation o after the JPEG's SOI marker.
func withOrientation(j []byte, o uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01")
	entry := make([]byte, 12)
	binary.BigEndian.PutUint16(entry[0:], 0x0112)
	binary.BigEndian.PutUint16(entry[2:], 3)
	binary.BigEndian.PutUint32(entry[4:], 1)
	binary.BigEndian.PutUint16(entry[8:], o)
	payload := append(append(append([]byte("Exif\x00\x00"), tiff...), entry...), 0, 0, 0, 0)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	out := append([]byte{}, j[:2]...)
	out = append(append(out, seg...), payload...)
	return append(out, j[2:]...)
}

func TestPrepareKeepsAPreparedPhoto(t *testing.T) {
	once, err := Prepare(encodeJPEG(t, bands(800, 600, false, red, green, blue)))
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Prepare(once)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(once, twice) {
		t.Error("preparing a prepared photo changed it; export and import would lose quality each time")
	}
	// The same picture carrying EXIF metadata is re-encoded, which drops the metadata.
	tagged := withOrientation(once, 1)
	out, err := Prepare(tagged)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(out, tagged) || exifOrientation(out) != 1 || !plainJPEG(out) {
		t.Error("a photo with EXIF metadata was kept as it was")
	}
}

func TestPrepareRefuses(t *testing.T) {
	var gifBuf bytes.Buffer
	if err := gif.Encode(&gifBuf, image.NewPaletted(image.Rect(0, 0, 64, 64), color.Palette{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	good := encodeJPEG(t, bands(200, 200, false, red, green, blue))
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"an empty file", nil, "the photo file is empty"},
		{"text", []byte("Dear director, my photo is attached."), "the photo is not a JPEG or PNG image"},
		{"a GIF", gifBuf.Bytes(), "the photo is a GIF image; use a JPEG or PNG image"},
		{"a truncated JPEG", good[:len(good)/2], "the photo is damaged or incomplete: its image data could not be read"},
		{"a tiny image", encodePNG(t, image.NewGray(image.Rect(0, 0, 31, 200))), "the photo is 31×200 pixels; at least 32×32 is needed"},
		{"a huge image", encodePNG(t, image.NewGray(image.Rect(0, 0, 8001, 40))), "the photo is 8001×40 pixels; at most 8000×8000 is accepted"},
		{"a 16-bit giant", pngHeader(7000, 7000, 16, 6), "the photo (7000×7000 pixels, 16-bit colour) is too large to open; save it with 8-bit colour or smaller"},
		{"a file over 15 MB", append(bytes.Clone(good), make([]byte, 15<<20)...), "the photo file is larger than 15 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Prepare(c.in)
			if err == nil || err.Error() != c.want {
				t.Fatalf("Prepare = %v, want error %q", err, c.want)
			}
			if out != nil {
				t.Error("a refused photo returned bytes")
			}
		})
	}
}

// pngHeader is the start of a PNG that declares w×h pixels: enough for image.DecodeConfig.
func pngHeader(w, h uint32, depth, colorType byte) []byte {
	ihdr := make([]byte, 17)
	copy(ihdr, "IHDR")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	ihdr[12], ihdr[13] = depth, colorType
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

func TestPlaceholder(t *testing.T) {
	a := Placeholder("ML", 1)
	img := decodePrepared(t, a)
	if !bytes.Equal(a, Placeholder("ML", 1)) {
		t.Error("the same initials and seed drew different pictures")
	}
	if bytes.Equal(a, Placeholder("ML", 2)) {
		t.Error("neighbouring seeds drew the same picture")
	}
	// The silhouette is lighter than the background around it.
	lum := func(x, y int) uint32 { r, g, b, _ := img.At(x, y).RGBA(); return r + g + b }
	if lum(Size/2, 150) <= lum(20, 150) || lum(Size/2, 340) <= lum(20, 60) {
		t.Error("no silhouette stands out from the background")
	}
	if out, err := Prepare(a); err != nil || !bytes.Equal(out, a) {
		t.Errorf("a placeholder is not kept as a prepared photo: %v", err)
	}
}

func FuzzPrepare(f *testing.F) {
	f.Add(encodePNG(f, bands(40, 60, true, red, green, blue)))
	f.Add(encodeJPEG(f, bands(64, 48, false, red, green, blue)))
	f.Add([]byte("not an image"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := Prepare(b)
		if err != nil {
			if out != nil {
				t.Fatal("bytes returned with an error")
			}
			return
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
		if err != nil || format != "jpeg" || cfg.Width != Size || cfg.Height != Size {
			t.Fatalf("prepared photo is not a %d×%d JPEG: %v %s %v", Size, Size, err, format, cfg)
		}
	})
}
