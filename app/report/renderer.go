package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"mentordesk/data/filemsg"
	"os"
	"path/filepath"
	"sync"
)

// Document is one printable document. Every document of this package validates its input and
// then draws itself; a Renderer turns it into PDF.
type Document interface {
	// Validate reports every problem with the document's data before anything is drawn.
	Validate() error
	// FileName suggests a file name for the PDF, such as "statement-00017.pdf".
	FileName() string
	letterhead() Org
	draw(p *page)
}

// Renderer makes PDFs. It parses the embedded fonts once and prepares each logo once, so a
// batch of documents shares that work; it is safe for use by many goroutines.
type Renderer struct {
	fonts *fontSet
	logos sync.Map // sha256 of the logo's bytes → *picture
}

// NewRenderer loads the fonts (Noto Sans as bundled with Fyne) and parses them once.
func NewRenderer() (*Renderer, error) { return newRenderer(notoSans(), true) }

func newRenderer(files map[string][]byte, share bool) (*Renderer, error) {
	fonts, err := newFontSet(files, share)
	if err != nil {
		return nil, err
	}
	return &Renderer{fonts: fonts}, nil
}

var shared = sync.OnceValues(NewRenderer)

// Render writes d as PDF to w with a renderer shared by the whole program.
func Render(w io.Writer, d Document) error {
	r, err := shared()
	if err != nil {
		return err
	}
	return r.Render(w, d)
}

// WriteFile writes d as PDF to path with a renderer shared by the whole program.
func WriteFile(path string, d Document) error {
	r, err := shared()
	if err != nil {
		return err
	}
	return r.WriteFile(path, d)
}

// Batch writes many documents with a renderer shared by the whole program; see Renderer.Batch.
func Batch(ctx context.Context, jobs []Job, progress func(done, total int)) error {
	r, err := shared()
	if err != nil {
		return err
	}
	return r.Batch(ctx, jobs, progress)
}

// Render validates d and writes it as PDF to w; nothing is written when d is invalid.
func (r *Renderer) Render(w io.Writer, d Document) error {
	b, err := r.pdf(d)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// WriteFile writes d as PDF to path; the file appears complete or not at all.
func (r *Renderer) WriteFile(path string, d Document) error {
	b, err := r.pdf(d)
	if err != nil {
		return err
	}
	defer holdFolders([]string{filepath.Dir(path)})()
	tmp, err := writeTemp(path, b)
	if err != nil {
		return filemsg.Write(path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return filemsg.Write(path, err)
	}
	return nil
}

func (r *Renderer) pdf(d Document) ([]byte, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	p := newPage(r.fonts, nil)
	defer p.release()
	if org := d.letterhead(); len(org.Logo) > 0 {
		logo, err := r.logo(org.Logo)
		if err != nil {
			return nil, fmt.Errorf("org.logo: %w", err)
		}
		p.logo = logo
	}
	d.draw(p)
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	if err := p.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("%s: %w", d.FileName(), err)
	}
	return buf.Bytes(), nil
}

func (r *Renderer) logo(b []byte) (*picture, error) {
	key := sha256.Sum256(b)
	if v, ok := r.logos.Load(key); ok {
		return v.(*picture), nil
	}
	pic, err := prepareLogo(b)
	if err != nil {
		return nil, err
	}
	r.logos.Store(key, pic)
	return pic, nil
}

// writeTemp writes b beside path under a temporary name and returns that name.
func writeTemp(path string, b []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.partial")
	if err != nil {
		return "", err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
