package photo

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
)

// backgrounds are soft tones that print well behind a white silhouette.
var backgrounds = []color.RGBA{
	{0xA7, 0xC7, 0xE7, 0xFF}, // sky
	{0xB5, 0xD8, 0xB0, 0xFF}, // sage
	{0xF2, 0xC1, 0xA0, 0xFF}, // apricot
	{0xD4, 0xB8, 0xE0, 0xFF}, // lilac
	{0xF0, 0xD7, 0x8C, 0xFF}, // straw
	{0xA8, 0xD8, 0xD2, 0xFF}, // seafoam
	{0xE8, 0xB4, 0xBC, 0xFF}, // rose
	{0xC9, 0xC3, 0xB6, 0xFF}, // stone
}

// Placeholder draws a Size×Size JPEG portrait placeholder — a head-and-shoulders silhouette on
// a soft background — for sample mentors. The colour follows from the initials and the seed, so
// the same person always gets the same picture and neighbours in a list look different.
func Placeholder(initials string, seed int) []byte {
	h := fnv.New32a()
	h.Write([]byte(initials))
	bg := backgrounds[(int(h.Sum32()%uint32(len(backgrounds)))+seed%len(backgrounds)+len(backgrounds))%len(backgrounds)]

	img := image.NewRGBA(image.Rect(0, 0, Size, Size))
	const sub = 4 // samples per pixel side: smooth silhouette edges without a rasteriser
	for y := 0; y < Size; y++ {
		// A gentle vertical gradient, lighter at the top, keeps the flat colour from looking dead.
		shade := 1.06 - 0.12*float64(y)/Size
		base := [3]float64{float64(bg.R) * shade, float64(bg.G) * shade, float64(bg.B) * shade}
		for x := 0; x < Size; x++ {
			inside := 0
			for sy := 0; sy < sub; sy++ {
				for sx := 0; sx < sub; sx++ {
					if silhouette(float64(x)+(float64(sx)+0.5)/sub, float64(y)+(float64(sy)+0.5)/sub) {
						inside++
					}
				}
			}
			cover := float64(inside) / (sub * sub)
			o := img.PixOffset(x, y)
			for c := 0; c < 3; c++ {
				fg := 0.55*base[c] + 0.45*255 // the silhouette: the background washed towards white
				img.Pix[o+c] = to8(float32(base[c]*(1-cover) + fg*cover))
			}
			img.Pix[o+3] = 0xFF
		}
	}
	var buf bytes.Buffer
	_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: Quality}) // writing to memory cannot fail
	return buf.Bytes()
}

// silhouette reports whether the point lies in the head, neck or shoulders of the figure.
func silhouette(x, y float64) bool {
	const cx = Size / 2
	dx := x - cx
	head := sq(dx/62) + sq((y-148)/74)
	neck := dx > -22 && dx < 22 && y > 190 && y < 262
	shoulders := y > 250 && sq(dx/142)+sq((y-372)/118) <= 1
	return head <= 1 || neck || shoulders
}

func sq(v float64) float64 { return v * v }
