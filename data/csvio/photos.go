package csvio

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"mentordesk/data"
	"mentordesk/data/filemsg"
	"mentordesk/data/photo"
)

// loadPhotos reads and prepares the photo of each record that names one. Decoding a camera
// photo takes a good fraction of a second, so the photos of a roster are prepared in parallel.
func loadPhotos(recs []Record[data.Mentor], cells []string, at func(line int, column, problem string) *Error, dir string) Errors {
	found := make([]*Error, len(recs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				b, err := loadPhoto(dir, cells[i])
				if err != nil {
					found[i] = at(recs[i].Line, "photo", err.Error())
					continue
				}
				recs[i].Value.Photo = b
			}
		})
	}
	for i, c := range cells {
		if c != "" {
			jobs <- i
		}
	}
	close(jobs)
	wg.Wait()
	var errs Errors
	for _, e := range found {
		if e != nil {
			errs = append(errs, e)
		}
	}
	return errs
}

// loadPhoto reads the photo a cell names. Cells may use / or \ (spreadsheets made on Windows),
// and an absolute path is taken as it is.
func loadPhoto(dir, cell string) ([]byte, error) {
	path := filepath.FromSlash(strings.ReplaceAll(cell, `\`, "/"))
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, path)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%q was not found (photos are looked up from the CSV file's folder)", cell)
	}
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		return nil, fmt.Errorf("%q cannot be opened: %v", cell, pe.Err)
	}
	if err != nil {
		return nil, fmt.Errorf("%q cannot be opened: %v", cell, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%q is a folder, not a photo", cell)
	}
	b, err := io.ReadAll(io.LimitReader(f, photo.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%q cannot be read: %v", cell, err)
	}
	out, err := photo.Prepare(b)
	if err != nil {
		return nil, fmt.Errorf("%q: %v", cell, err)
	}
	return out, nil
}

// savePhotos writes each mentor's photo under dir and returns the photo cells ("" for none).
func savePhotos(ms []data.Mentor, dir, prefix string) ([]string, error) {
	cells := make([]string, len(ms))
	if dir == "" {
		return cells, nil
	}
	used := map[string]bool{}
	for i, m := range ms {
		if len(m.Photo) == 0 {
			continue
		}
		base := photoName(m)
		name := base
		for n := 2; used[name]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		used[name] = true
		cells[i] = prefix + name + ".jpg"
		path := filepath.Join(dir, filepath.FromSlash(cells[i]))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("photo of %s: %w", m.Name(), err)
		}
		if err := os.WriteFile(path, m.Photo, 0o644); err != nil {
			return nil, fmt.Errorf("photo of %s: %w", m.Name(), filemsg.Write(path, err))
		}
	}
	return cells, nil
}

// photoName is a file name made from the mentor's name: "zoë-łukasiewicz". Letters of every
// script are kept, since every current system stores them; anything else becomes "-".
func photoName(m data.Mentor) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(m.Name()) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
		if b.Len() > 80 {
			break
		}
	}
	if b.Len() == 0 {
		return "mentor"
	}
	return b.String()
}

func sortByLine(errs Errors) {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
}
