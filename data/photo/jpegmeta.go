package photo

import (
	"bytes"
	"encoding/binary"
)

// segments calls fn with each marker and payload of a JPEG's header, up to the image data;
// it stops early when fn returns false and reports whether the header was well formed.
func segments(b []byte, fn func(marker byte, payload []byte) bool) bool {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return false
	}
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return false
		}
		marker := b[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return false
		}
		if !fn(marker, b[i+4:i+2+n]) || marker == 0xDA { // start of scan: image data follows
			return true
		}
		i += 2 + n
	}
	return false
}

// plainJPEG reports whether the header holds only what decoding needs (and a JFIF tag): no
// EXIF, comments or other metadata that could carry a location or a camera serial number.
func plainJPEG(b []byte) bool {
	plain := true
	ok := segments(b, func(marker byte, _ []byte) bool {
		switch {
		case marker == 0xE0, marker == 0xDB, marker == 0xC4, marker == 0xDD, marker == 0xDA:
		case marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC:
		default:
			plain = false
		}
		return plain
	})
	return ok && plain
}

// exifOrientation returns the EXIF orientation (1–8) that tells how a camera held the picture,
// or 1 when there is none: phones store portraits sideways and rely on it.
func exifOrientation(b []byte) int {
	orientation := 1
	segments(b, func(marker byte, p []byte) bool {
		if marker != 0xE1 || !bytes.HasPrefix(p, []byte("Exif\x00\x00")) {
			return true
		}
		if o := tiffOrientation(p[6:]); o != 0 {
			orientation = o
		}
		return false
	})
	return orientation
}

func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 0
	}
	if order.Uint16(t[2:]) != 42 {
		return 0
	}
	ifd := int(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := int(order.Uint16(t[ifd:]))
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if order.Uint16(t[e:]) == 0x0112 && order.Uint16(t[e+2:]) == 3 { // orientation, SHORT
			if o := int(order.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 0
		}
	}
	return 0
}
