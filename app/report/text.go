package report

import (
	"encoding/binary"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// runeSet holds the characters of the Basic Multilingual Plane a font can draw.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r/64] |= 1 << (r % 64) }

func (s *runeSet) has(r rune) bool { return r >= 0 && r < 0x10000 && s[r/64]&(1<<(r%64)) != 0 }

// cmapCoverage reads the characters a TrueType font maps to glyphs from its Unicode cmap
// (format 4), so text can be cleaned of characters the font would print as blanks.
func cmapCoverage(ttf []byte) (*runeSet, error) {
	u16 := func(at int) (int, bool) {
		if at < 0 || at+2 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(ttf[at:])), true
	}
	u32 := func(at int) (int, bool) {
		if at < 0 || at+4 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(ttf[at:])), true
	}
	bad := errors.New("not a TrueType font with a Unicode character map")
	tables, ok := u16(4)
	if !ok {
		return nil, bad
	}
	cmap := -1
	for i := 0; i < tables; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, bad
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, bad
	}
	sub := -1
	n, _ := u16(cmap + 2)
	for i := 0; i < n; i++ {
		platform, _ := u16(cmap + 4 + 8*i)
		encoding, _ := u16(cmap + 6 + 8*i)
		off, ok := u32(cmap + 8 + 8*i)
		if format, _ := u16(cmap + off); ok && format == 4 && (platform == 0 || platform == 3 && encoding == 1) {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return nil, bad
	}
	segX2, ok := u16(sub + 6)
	if !ok || sub+16+4*segX2 > len(ttf) {
		return nil, bad
	}
	ends, starts := sub+14, sub+16+segX2
	deltas, offsets := starts+segX2, starts+2*segX2
	set := new(runeSet)
	for i := 0; i < segX2/2; i++ {
		end, _ := u16(ends + 2*i)
		start, _ := u16(starts + 2*i)
		delta, _ := u16(deltas + 2*i)
		ro, _ := u16(offsets + 2*i)
		for c := start; c <= end && c < 0xFFFF; c++ {
			glyph := (c + delta) & 0xFFFF
			if ro != 0 {
				g, ok := u16(offsets + 2*i + ro + 2*(c-start))
				if !ok || g == 0 {
					continue
				}
				glyph = (g + delta) & 0xFFFF
			}
			if glyph != 0 {
				set.add(rune(c))
			}
		}
	}
	return set, nil
}

// stand-ins for characters people type that Noto Sans lacks.
var standIns = map[rune]string{
	'\u2212': "-", // minus sign, as Money.Dollars writes negative amounts
	'\u00ad': "",  // soft hyphen
	'\u200b': "",  // zero-width space
	'\t':     " ",
}

// clean prepares text for the font: composed characters (a name typed as "e" plus accents
// prints as "ễ", not as loose marks), stand-ins for missing punctuation, "?" for a letter the
// font cannot draw (it shows that something is there) and nothing for missing symbols such as
// emoji. Line breaks are kept for paragraphs; other control characters go.
func (s *runeSet) clean(text string) string {
	simple := true
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 && c != '\n' || c >= 0x7f {
			simple = false
			break
		}
	}
	if simple {
		return text
	}
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case standIns[r] != "" || r == '\u00ad' || r == '\u200b':
			b.WriteString(standIns[r])
		case r < 0x20 || r == utf8.RuneError || unicode.Is(unicode.Cc, r):
		case s.has(r):
			b.WriteRune(r)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteByte('?')
		}
	}
	return b.String()
}

// oneLine joins a text's lines for a single-line cell.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// letters that do not decompose into a base letter and a mark.
var foldings = strings.NewReplacer("ł", "l", "Ł", "L", "ø", "o", "Ø", "O", "đ", "d", "Đ", "D",
	"æ", "ae", "Æ", "AE", "œ", "oe", "Œ", "OE", "ß", "ss", "þ", "th", "Þ", "Th", "ı", "i")

// fold is s without accents, for sorting names and making file names: "Łukasiewicz" sorts
// beside "Lukas", not after "Z".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(foldings.Replace(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// slug makes a file-name part of a name: "Nguyễn Thị Minh" → "nguyen-thi-minh".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(fold(s)) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "unnamed"
	}
	return b.String()
}
