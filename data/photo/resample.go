package photo

import (
	"image"
	"image/color"
	"math"
)

// squareThumbnail crops the centred square of img and scales it to size×size. It resamples in
// two passes (rows, then columns) with a tent filter as wide as the scale factor: every source
// pixel contributes, as in area averaging, with softer edges; when enlarging it is bilinear.
// Transparent pixels are laid on white, as the photo will be printed on paper.
func squareThumbnail(img image.Image, size int) *image.RGBA {
	b := img.Bounds()
	side := min(b.Dx(), b.Dy())
	x0 := b.Min.X + (b.Dx()-side)/2
	y0 := b.Min.Y + (b.Dy()-side)/2
	taps := filterTaps(side, size)

	// tmp holds, for each source row of the square, its size resampled pixels (RGB).
	tmp := make([]float32, side*size*3)
	line := make([]float32, side*3)
	for y := 0; y < side; y++ {
		readRow(img, x0, y0+y, side, line)
		out := tmp[y*size*3 : (y+1)*size*3]
		for i, t := range taps {
			var r, g, bl float32
			for k, w := range t.weights {
				p := line[(t.start+k)*3:]
				r += w * p[0]
				g += w * p[1]
				bl += w * p[2]
			}
			out[i*3], out[i*3+1], out[i*3+2] = r, g, bl
		}
	}

	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	for j, t := range taps {
		for i := 0; i < size; i++ {
			var r, g, bl float32
			for k, w := range t.weights {
				p := tmp[((t.start+k)*size+i)*3:]
				r += w * p[0]
				g += w * p[1]
				bl += w * p[2]
			}
			o := dst.PixOffset(i, j)
			dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = to8(r), to8(g), to8(bl), 0xFF
		}
	}
	return dst
}

type tap struct {
	start   int
	weights []float32
}

// filterTaps gives, for each of n outputs, the span of the m inputs it averages and their weights.
func filterTaps(m, n int) []tap {
	scale := float64(m) / float64(n)
	support := math.Max(scale, 1)
	taps := make([]tap, n)
	for i := range taps {
		centre := (float64(i)+0.5)*scale - 0.5
		lo := max(int(math.Floor(centre-support)), 0)
		hi := min(int(math.Ceil(centre+support)), m-1)
		ws := make([]float32, 0, hi-lo+1)
		var sum float64
		first := -1
		for x := lo; x <= hi; x++ {
			w := 1 - math.Abs(float64(x)-centre)/support
			if w <= 0 {
				if first < 0 {
					continue
				}
				break
			}
			if first < 0 {
				first = x
			}
			ws = append(ws, float32(w))
			sum += w
		}
		if first < 0 { // a tap falling exactly between samples: take the nearest
			first, ws, sum = min(max(int(math.Round(centre)), 0), m-1), []float32{1}, 1
		}
		for k := range ws {
			ws[k] = float32(float64(ws[k]) / sum)
		}
		taps[i] = tap{first, ws}
	}
	return taps
}

// readRow puts n pixels of row y from x0 into line as RGB in 0–255, laid on white.
func readRow(img image.Image, x0, y, n int, line []float32) {
	switch m := img.(type) {
	case *image.YCbCr:
		for x := 0; x < n; x++ {
			yi, ci := m.YOffset(x0+x, y), m.COffset(x0+x, y)
			r, g, b := color.YCbCrToRGB(m.Y[yi], m.Cb[ci], m.Cr[ci])
			line[x*3], line[x*3+1], line[x*3+2] = float32(r), float32(g), float32(b)
		}
	case *image.Gray:
		for x := 0; x < n; x++ {
			v := float32(m.Pix[m.PixOffset(x0+x, y)])
			line[x*3], line[x*3+1], line[x*3+2] = v, v, v
		}
	case *image.RGBA:
		for x := 0; x < n; x++ {
			p := m.Pix[m.PixOffset(x0+x, y):]
			white := float32(255 - p[3]) // premultiplied: adding the uncovered part of white
			line[x*3], line[x*3+1], line[x*3+2] = float32(p[0])+white, float32(p[1])+white, float32(p[2])+white
		}
	case *image.NRGBA:
		for x := 0; x < n; x++ {
			p := m.Pix[m.PixOffset(x0+x, y):]
			a := float32(p[3]) / 255
			white := 255 * (1 - a)
			line[x*3], line[x*3+1], line[x*3+2] = float32(p[0])*a+white, float32(p[1])*a+white, float32(p[2])*a+white
		}
	default:
		for x := 0; x < n; x++ {
			r, g, b, a := m.At(x0+x, y).RGBA()
			white := float32(0xFFFF - a)
			line[x*3], line[x*3+1], line[x*3+2] = (float32(r)+white)/257, (float32(g)+white)/257, (float32(b)+white)/257
		}
	}
}

func to8(v float32) uint8 {
	switch {
	case v <= 0:
		return 0
	case v >= 255:
		return 255
	}
	return uint8(v + 0.5)
}

// orient turns a square image the way EXIF orientation o (1–8) says the camera meant it.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	n := src.Bounds().Dx() - 1
	dst := image.NewRGBA(src.Bounds())
	for y := 0; y <= n; y++ {
		for x := 0; x <= n; x++ {
			sx, sy := x, y
			switch o {
			case 2:
				sx = n - x
			case 3:
				sx, sy = n-x, n-y
			case 4:
				sy = n - y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, n-x
			case 7:
				sx, sy = n-y, n-x
			case 8:
				sx, sy = n-y, x
			}
			copy(dst.Pix[dst.PixOffset(x, y):][:4], src.Pix[src.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}
