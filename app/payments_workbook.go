package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// accountantButton writes the chosen calendar year's totals and payments to a workbook an
// accountant uses as it is: amounts as dollars, each sheet totalled.
func (p *payments) accountantButton() *widget.Button {
	return widget.NewButtonWithIcon("Workbook for the accountant…", theme.DownloadIcon(), func() {
		year, err := strconv.Atoi(p.year.Selected)
		if err != nil || p.d.store.Store == nil {
			dialog.ShowInformation("Workbook for the accountant", "Choose a calendar year with statements first.", p.d.win)
			return
		}
		fd := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			background(p.d, func(ctx context.Context) (struct{}, error) {
				return struct{}{}, p.d.store.ExportAccountantWorkbook(ctx, path, year)
			}, func(struct{}) {
				dialog.ShowInformation("Exported", fmt.Sprintf("The year-end totals and payments of %d are in\n%s", year, path), p.d.win)
			})
		}, p.d.win)
		fd.SetFileName(fmt.Sprintf("payments-%d.xlsx", year))
		fd.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
		showFileDialog(fd, p.d.win)
	})
}
