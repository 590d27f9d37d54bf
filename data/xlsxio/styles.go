package xlsxio

import (
	"encoding/xml"
	"io"
	"strings"

	"mentordesk/data/csvio"
)

func (w *workbook) readStyles() error {
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if _, err := w.decode("xl/styles.xml", &st); err != nil {
		return err
	}
	codes := map[int]string{}
	for _, f := range st.NumFmts {
		codes[f.ID] = f.Code
	}
	for _, x := range st.Xfs {
		code, custom := codes[x.NumFmt]
		if !custom {
			code = builtinFormats[x.NumFmt]
		}
		w.formats = append(w.formats, code)
		w.styles = append(w.styles, formatType(x.NumFmt, code, custom))
	}
	return nil
}

// builtinFormats are the number formats every spreadsheet knows by number (ECMA-376 18.8.30).
var builtinFormats = map[int]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
	12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

// formatType tells from a number format whether a number cell shows a date, a time or a number.
func formatType(id int, code string, custom bool) csvio.CellType {
	if !custom {
		switch {
		case id >= 14 && id <= 17, id == 22, id >= 27 && id <= 36, id >= 50 && id <= 58:
			return csvio.DateCell
		case id >= 18 && id <= 21, id >= 45 && id <= 47:
			return csvio.TimeCell
		}
		return csvio.NumberCell
	}
	// Leave out what a format shows literally ("text", \x, [Red], _x, *x) before looking for
	// date and time letters.
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				break
			}
			if inner := strings.ToLower(code[i+1 : i+j]); strings.Trim(inner, "hms") == "" {
				b.WriteString(inner) // [h]:mm elapsed time
			}
			i += j
		default:
			b.WriteByte(c | 0x20)
		}
	}
	s := b.String()
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	date := strings.ContainsAny(s, "yd") || strings.Contains(s, "mmm")
	clock := strings.ContainsAny(s, "hs")
	switch {
	case date:
		return csvio.DateCell
	case clock:
		return csvio.TimeCell
	case strings.Contains(s, "m") && !strings.ContainsAny(s, "0#?"):
		return csvio.DateCell // "mm" alone: months
	}
	return csvio.NumberCell
}

// readSharedStrings reads the workbook's table of strings, streamed: <si> holds a <t>, or runs
// <r><t> of rich text; phonetic runs (<rPh>) are not part of the text.
func (w *workbook) readSharedStrings() error {
	rc, found, err := w.open("xl/sharedStrings.xml", maxPartBytes)
	if err != nil || !found {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var cur strings.Builder
	inSI, inT, inPh := false, false, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if e, ok := err.(csvio.Errors); ok {
				return e
			}
			return w.fail("this workbook is damaged: its shared strings are not readable XML (%v)", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				cur.Reset()
			case "t":
				inT = inSI
			case "rPh":
				inPh = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				w.strings = append(w.strings, cur.String())
				inSI = false
			case "t":
				inT = false
			case "rPh":
				inPh = false
			}
		case xml.CharData:
			if inT && !inPh {
				cur.Write(t)
			}
		}
	}
}
