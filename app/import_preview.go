package app

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"mentordesk/data/csvio"
	"mentordesk/data/sqlite"
	"mentordesk/data/xlsxio"
)

// previewFile splits a CSV file or a workbook's sheet for display, with the line or row each
// record is on; it is lenient, as the real reader reports the problems.
func previewFile(path string, content []byte, sheet string) (header []string, rows [][]string, lines []int) {
	src, err := previewSource(path, content, sheet)
	if err != nil {
		return nil, nil, nil
	}
	for {
		cells, line, err := src.Next()
		if err != nil {
			break
		}
		rec := make([]string, len(cells))
		for i, c := range cells {
			rec[i] = c.Text
		}
		if header == nil {
			header = rec
			continue
		}
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	return header, rows, lines
}

func previewSource(path string, content []byte, sheet string) (csvio.Source, error) {
	name := filepath.Base(path)
	if xlsxio.IsWorkbookName(name) {
		return xlsxio.NewSource(bytes.NewReader(content), int64(len(content)), name, sheet)
	}
	return csvio.NewCSVSource(io.Reader(bytes.NewReader(content)), name)
}

// showSheets offers the sheets of a workbook (the first is read unless another is chosen).
func (im *importer) showSheets() {
	if !xlsxio.IsWorkbookName(im.path) {
		im.sheet.Hide()
		return
	}
	names, err := xlsxio.Sheets(bytes.NewReader(im.content), int64(len(im.content)), filepath.Base(im.path))
	if err != nil || len(names) < 2 {
		im.sheet.Hide()
		im.sheet.Selected = ""
		return
	}
	im.sheet.Options = names
	if !contains(names, im.sheet.Selected) {
		im.sheet.Selected = names[0]
	}
	im.sheet.Refresh()
	im.sheet.Show()
}

// options are what the import reads the file with: its sheet and the mapping.
func (im *importer) options() sqlite.ImportOptions {
	return sqlite.ImportOptions{Sheet: im.sheet.Selected, Map: im.mapping}
}

// headerProblems reports a check whose file has other columns than the kind's.
func headerProblems(es csvio.Errors) bool {
	for _, e := range es {
		if e.Line <= 1 && (strings.Contains(e.Problem, "is not a column of") || strings.Contains(e.Problem, "column is missing")) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
