package report

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"fyne.io/fyne/v2/theme"
	"github.com/jung-kurt/gofpdf"
)

// family is the name documents give the embedded font in SetFont.
const family = "NotoSans"

// Styles of the family: regular, bold, italic.
const (
	regular = ""
	bold    = "B"
	italic  = "I"
)

var styles = []string{regular, bold, italic}

// pageTotal stands for the number of pages until the document is finished; figure spaces
// have the width of two digits, so right-aligned page numbers stay aligned once replaced.
const pageTotal = "\u2007\u2007"

// notoSans is Fyne's bundled Noto Sans: it covers Latin, Vietnamese, Greek and Cyrillic names.
func notoSans() map[string][]byte {
	return map[string][]byte{
		regular: theme.DefaultTextFont().Content(),
		bold:    theme.DefaultTextBoldFont().Content(),
		italic:  theme.DefaultTextItalicFont().Content(),
	}
}

// fontSet is a UTF-8 font family parsed once and shared, read-only, by every document.
//
// gofpdf parses a TrueType file on every AddUTF8FontFromBytes — the largest single cost of a
// short document — and offers no way to hand it a parsed font. fontSet parses each style once
// in a template document and copies the parsed definition into each new document through
// reflection. When gofpdf's internals do not have the expected shape (another version), shared
// stays false and documents parse the fonts themselves: slower, never wrong.
//
// While subsetting, gofpdf pads font tables by appending to slices of the font's bytes, which
// writes into the bytes themselves; so no two documents being written at once may share them.
// Each document borrows a private copy of each style it uses from a pool and gives it back
// when written: a batch keeps about one copy per worker, and Fyne's own font bytes are never
// touched.
type fontSet struct {
	files  map[string][]byte
	copies map[string]*sync.Pool // style → *[]byte copies of files[style]
	shared bool
	parsed map[string]reflect.Value // fontKey → gofpdf's parsed fontDefType
	cover  *runeSet
}

// borrowed is a font file copy a document uses until it has been written.
type borrowed struct {
	style string
	bytes *[]byte
}

func newFontSet(files map[string][]byte, share bool) (*fontSet, error) {
	for _, s := range styles {
		if len(files[s]) == 0 {
			return nil, fmt.Errorf("font style %q is missing", s)
		}
	}
	cover, err := cmapCoverage(files[regular])
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	fs := &fontSet{files: map[string][]byte{}, copies: map[string]*sync.Pool{}, cover: cover}
	for _, s := range styles {
		fs.files[s] = bytes.Clone(files[s])
		fs.copies[s] = &sync.Pool{New: func() any {
			b := bytes.Clone(fs.files[s])
			return &b
		}}
	}
	if share && fontInternalsKnown() {
		parsed, err := parseFonts(fs.files)
		if err != nil {
			return nil, err
		}
		fs.parsed, fs.shared = parsed, true
	}
	return fs, nil
}

// add registers one style of the family with f, before f uses it; the font bytes it returns
// go back with release once f has been written.
func (fs *fontSet) add(f *gofpdf.Fpdf, style string) borrowed {
	b := borrowed{style, fs.copies[style].Get().(*[]byte)}
	if !fs.shared {
		f.AddUTF8FontFromBytes(family, style, *b.bytes)
		return b
	}
	key := fontKey(style)
	fonts := exported(reflect.ValueOf(f).Elem().FieldByName("fonts"))
	fonts.SetMapIndex(reflect.ValueOf(key), copyFontDef(fs.parsed[key], *b.bytes))
	return b
}

func (fs *fontSet) release(b borrowed) { fs.copies[b.style].Put(b.bytes) }

// fontKey is the name gofpdf files a style of the family under.
func fontKey(style string) string { return strings.ToLower(family) + style }

// parseFonts lets gofpdf parse every style once, in a document that is never written.
func parseFonts(files map[string][]byte) (map[string]reflect.Value, error) {
	f := gofpdf.New("P", "mm", "Letter", "")
	f.AliasNbPages(pageTotal) // gofpdf sizes a font's initial rune set by whether an alias is set
	out := map[string]reflect.Value{}
	fonts := exported(reflect.ValueOf(f).Elem().FieldByName("fonts"))
	for _, s := range styles {
		f.AddUTF8FontFromBytes(family, s, files[s])
		def := fonts.MapIndex(reflect.ValueOf(fontKey(s)))
		if !def.IsValid() || f.Err() {
			return nil, fmt.Errorf("font style %q: gofpdf could not load it as a TrueType font", s)
		}
		out[fontKey(s)] = def
	}
	return out, nil
}

// copyFontDef gives a document its own copy of the parts of a parsed font that gofpdf changes
// while writing (the runes used, the subsetting state, the font bytes); the parsed metrics and
// widths stay shared.
func copyFontDef(parsed reflect.Value, ttf []byte) reflect.Value {
	def := reflect.New(parsed.Type()).Elem()
	def.Set(parsed)

	file := exported(def.FieldByName("utf8File"))
	fileCopy := reflect.New(file.Type().Elem())
	fileCopy.Elem().Set(file.Elem())
	reader := exported(fileCopy.Elem().FieldByName("fileReader"))
	readerCopy := reflect.New(reader.Type().Elem())
	readerCopy.Elem().Set(reader.Elem())
	exported(readerCopy.Elem().FieldByName("array")).Set(reflect.ValueOf(ttf))
	reader.Set(readerCopy)
	file.Set(fileCopy)

	used := exported(def.FieldByName("usedRunes"))
	usedCopy := reflect.MakeMapWithSize(used.Type(), used.Len()+64)
	for it := used.MapRange(); it.Next(); {
		usedCopy.SetMapIndex(it.Key(), it.Value())
	}
	used.Set(usedCopy)
	return def
}

// exported makes an unexported struct field settable.
func exported(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

var fontInternalsKnown = sync.OnceValue(func() bool { return checkFontInternals() == nil })

// checkFontInternals confirms gofpdf's font bookkeeping has the shape copyFontDef relies on.
func checkFontInternals() error {
	field := func(t reflect.Type, name string, kind reflect.Kind) (reflect.Type, error) {
		if t.Kind() != reflect.Struct {
			return nil, fmt.Errorf("%s is not a struct", t)
		}
		f, ok := t.FieldByName(name)
		if !ok || f.Type.Kind() != kind {
			return nil, fmt.Errorf("%s.%s is not a %s", t, name, kind)
		}
		return f.Type, nil
	}
	fonts, err := field(reflect.TypeFor[gofpdf.Fpdf](), "fonts", reflect.Map)
	if err != nil {
		return err
	}
	if fonts.Key().Kind() != reflect.String {
		return errors.New("gofpdf fonts are not keyed by name")
	}
	def := fonts.Elem()
	file, err := field(def, "utf8File", reflect.Pointer)
	if err != nil {
		return err
	}
	reader, err := field(file.Elem(), "fileReader", reflect.Pointer)
	if err != nil {
		return err
	}
	array, err := field(reader.Elem(), "array", reflect.Slice)
	if err != nil {
		return err
	}
	if array.Elem().Kind() != reflect.Uint8 {
		return errors.New("gofpdf font reader does not read bytes")
	}
	if _, err := field(def, "usedRunes", reflect.Map); err != nil {
		return err
	}
	if _, err := field(def, "Cw", reflect.Slice); err != nil {
		return err
	}
	return nil
}
