package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"mentordesk/data"
	"mentordesk/data/sqlite"
	"mentordesk/widgets"
)

const prefWelcomed = "welcome.dismissed"

// maybeWelcome greets a director who is looking at the sample organisation for the first time.
func (sh *shell) maybeWelcome() {
	if sh.app.Preferences().Bool(prefWelcomed) {
		return
	}
	background(sh.deps(), func(ctx context.Context) (string, error) {
		return sh.store.Meta(ctx, "sample")
	}, func(sample string) {
		if sample == "yes" {
			sh.showWelcome()
		}
	})
}

func (sh *shell) showWelcome() {
	text := widget.NewLabel("MentorDesk runs a music mentorship program: mentors and their clearances, schools and " +
		"classrooms, Focused, Season and Bridge Mentorship, sessions and confirmations, payments and the documents " +
		"you print.\n\nYou are looking at a sample organisation, Cascade Youth Music Mentors, so every area has " +
		"something to show. Explore it freely — nothing here is real.\n\nWhen you are ready, start your own " +
		"organisation: the sample is kept in a file of its own, with anything you entered in it.")
	text.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	explore := widget.NewButton("Explore the sample organisation", func() {
		sh.app.Preferences().SetBool(prefWelcomed, true)
		d.Hide()
	})
	start := widget.NewButton("Start my organisation", func() {
		d.Hide()
		sh.startOwnOrganisation()
	})
	start.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Welcome to MentorDesk", border(nil, container.NewHBox(explore, start), nil, nil, text), sh.win)
	d.Resize(fyne.NewSize(620, 360))
	d.Show()
}

// orgWizard is the short form that starts the director's own organisation.
type orgWizard struct {
	name, zone, start                   *widget.Entry
	address                             *widgets.TextArea
	focused, season, bridge, continuing *widget.Entry
	logo                                []byte
	logoLabel                           *widget.Label
}

func newOrgWizard() *orgWizard {
	w := &orgWizard{}
	entry := func(key, value string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(value)
		e.Validator = settingValidator(key)
		return e
	}
	def := data.DefaultSettings()
	w.name = entry("org.name", "")
	w.name.SetPlaceHolder("e.g. Cascade Youth Music Mentors")
	w.address = widgets.NewTextArea()
	w.address.Validator = settingValidator("org.address")
	w.address.SetMinRowsVisible(2)
	w.zone = entry("org.timezone", def.OrgTimezone)
	w.start = entry("schoolyear.start", def.SchoolYearStart.String())
	w.focused = entry("rate.focused", def.RateFocused.String())
	w.season = entry("rate.season", def.RateSeason.String())
	w.bridge = entry("rate.bridge", def.RateBridge.String())
	w.continuing = entry("rate.continuation", def.RateContinuation.String())
	w.logoLabel = widget.NewLabel("No logo")
	return w
}

// settings turns the form into settings, or names the first field that is wrong.
func (w *orgWizard) settings() (data.Settings, error) {
	s := data.DefaultSettings()
	for _, f := range []struct {
		key, label string
		e          *widget.Entry
	}{{"org.name", "Organisation name", w.name}, {"org.address", "Address", &w.address.Entry}, {"org.timezone", "Time zone", w.zone},
		{"schoolyear.start", "School year starts", w.start}, {"rate.focused", "Focused rate", w.focused},
		{"rate.season", "Season rate", w.season}, {"rate.bridge", "Bridge rate", w.bridge}, {"rate.continuation", "Continuation", w.continuing}} {
		if err := s.Set(f.key, f.e.Text); err != nil {
			return s, fmt.Errorf("%s: %v", f.label, err)
		}
	}
	s.OrgLogo = w.logo
	return s, nil
}

func (w *orgWizard) form(win fyne.Window) *widget.Form {
	pick := widget.NewButton("Choose a logo…", func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			b, err := readAllLimited(r, 2<<20)
			if err != nil {
				dialog.ShowError(err, win)
				return
			}
			w.logo = b
			w.logoLabel.SetText(r.URI().Name())
		}, win)
		fd.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
		showFileDialog(fd, win)
	})
	return widget.NewForm(
		widget.NewFormItem("Organisation name", w.name),
		widget.NewFormItem("Address", w.address),
		widget.NewFormItem("Logo", border(nil, nil, nil, pick, w.logoLabel)),
		widget.NewFormItem("Time zone", w.zone),
		widget.NewFormItem("School year starts (MM-DD)", w.start),
		widget.NewFormItem("Focused session rate", w.focused),
		widget.NewFormItem("Season session rate", w.season),
		widget.NewFormItem("Bridge session rate", w.bridge),
		widget.NewFormItem("Continuation compensation", w.continuing),
	)
}

func readAllLimited(r fyne.URIReadCloser, max int64) ([]byte, error) {
	var b strings.Builder
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if int64(b.Len()) > max {
			return nil, fmt.Errorf("%s is larger than %d MB; choose a smaller logo", r.URI().Name(), max>>20)
		}
		if err != nil {
			break
		}
	}
	return []byte(b.String()), nil
}

// startOwnOrganisation keeps the sample organisation in a file of its own and starts a new,
// empty database at the usual place with the director's settings.
func (sh *shell) startOwnOrganisation() {
	background(sh.deps(), func(ctx context.Context) (string, error) {
		return sh.store.Meta(ctx, "sample")
	}, func(sample string) {
		if sample != "yes" {
			dialog.ShowInformation("Start my organisation", "This database already holds your own organisation.", sh.win)
			return
		}
		sh.showOrgWizard()
	})
}

func (sh *shell) showOrgWizard() {
	wz := newOrgWizard()
	form := wz.form(sh.win)
	var dlg dialog.Dialog
	create := widget.NewButton("Create my organisation", func() {
		set, err := wz.settings()
		if err != nil {
			dialog.ShowError(err, sh.win)
			return
		}
		dlg.Hide()
		sh.switchToNewOrganisation(set)
	})
	create.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { dlg.Hide() })
	intro := widget.NewLabel("Your organisation starts in a new, empty database. The sample organisation is kept beside it as " +
		"sample-organisation.db, with anything you entered in it.")
	intro.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomWithoutButtons("Start my organisation",
		border(intro, container.NewHBox(cancel, create), nil, nil, container.NewVScroll(form)), sh.win)
	dlg.Resize(fyne.NewSize(640, 560))
	dlg.Show()
	sh.orgForm = wz
}

// switchToNewOrganisation moves the sample aside and opens the new database off the UI
// goroutine, then shows it; on failure the sample is shown again with the reason.
func (sh *shell) switchToNewOrganisation(set data.Settings) {
	path := sh.store.Path()
	sh.stopBackground()
	closeErr := sh.store.Close()
	go func() {
		st, aside, err := newOrganisationFile(path, set)
		if closeErr != nil {
			err = closeErr
		}
		fyne.Do(func() {
			if err != nil {
				if reopened, openErr := sqlite.Open(path, sqlite.Options{}); openErr == nil {
					mount(sh.app, sh.win, reopened, sh.today)
				}
				dialog.ShowError(err, sh.win)
				return
			}
			sh.app.Preferences().SetBool(prefWelcomed, true)
			next := mount(sh.app, sh.win, st, sh.today)
			next.show("Home")
			dialog.ShowInformation("Your organisation", fmt.Sprintf("%s is ready. Bring your lists in with File › Import from a spreadsheet (templates under File › Download CSV templates), or add mentors and schools in their areas.\n\nThe sample organisation is kept as\n%s", set.OrgName, aside), sh.win)
		})
	}()
}

// newOrganisationFile renames the (closed) sample database at path aside and creates the
// director's own database there with their settings.
func newOrganisationFile(path string, set data.Settings) (*sqlite.Store, string, error) {
	aside := filepath.Join(filepath.Dir(path), "sample-organisation.db")
	if _, err := os.Stat(aside); err == nil {
		aside = filepath.Join(filepath.Dir(path), fmt.Sprintf("sample-organisation-%s.db", time.Now().Format("20060102-150405")))
	}
	if err := os.Rename(path, aside); err != nil {
		return nil, "", fmt.Errorf("keep the sample organisation aside: %w", err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		os.Rename(path+side, aside+side)
	}
	st, err := sqlite.Open(path, sqlite.Options{StartNew: true})
	if err != nil {
		return nil, "", err
	}
	ctx := context.Background()
	if err := errors.Join(st.SaveSettings(ctx, set), st.SetMeta(ctx, "sample", "no")); err != nil {
		st.Close()
		return nil, "", err
	}
	return st, aside, nil
}
