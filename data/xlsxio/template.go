package xlsxio

import (
	"bytes"
	"encoding/csv"
	"fmt"

	"mentordesk/data/csvio"
)

// Template is csvio.Template as a workbook: the header of a kind and its example row, typed as
// an export types them, for a director who fills the list in Excel.
func Template(kind csvio.Kind) ([]byte, error) {
	text := csvio.Template(kind)
	if text == nil {
		return nil, fmt.Errorf("%q has no template", kind)
	}
	recs, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil || len(recs) == 0 {
		return nil, fmt.Errorf("template of %s: %v", kind, err)
	}
	w, err := NewWriter(SheetName(kind))
	if err != nil {
		return nil, err
	}
	if err := w.WriteHeader(kind, recs[0]); err != nil {
		return nil, err
	}
	for _, r := range recs[1:] {
		if err := w.WriteRow(r); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	if _, err := w.WriteTo(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
