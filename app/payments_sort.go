package app

import (
	"fmt"
	"slices"
	"strings"

	"mentordesk/data"
)

// paySort is the column a payments table is sorted by (-1: the store's order, R6) and how; the
// tab holding the rows reorders them (order), and again after every reload.
type paySort struct {
	col   int
	desc  bool
	order func(key func(row int) string, desc bool)
	key   func(row int) string
}

func newPaySort(order func(key func(row int) string, desc bool)) *paySort {
	return &paySort{col: -1, order: order}
}

// by sorts by c, the other way when it is the column sorted by already.
func (p *paySort) by(col int, c payColumn) {
	if p.col == col {
		p.desc = !p.desc
	} else {
		p.col, p.desc = col, false
	}
	p.key = c.key
	if p.key == nil {
		p.key = func(row int) string { return strings.ToLower(c.text(row)) }
	}
	p.apply()
}

// apply sorts the rows again, as after a reload.
func (p *paySort) apply() {
	if p != nil && p.col >= 0 && p.key != nil {
		p.order(p.key, p.desc)
	}
}

// sortRows orders rows by the key of each (stable, so equal keys keep the store's order).
func sortRows[T any](rows []T, key func(row int) string, desc bool) {
	keys := make([]string, len(rows))
	idx := make([]int, len(rows))
	for i := range rows {
		keys[i], idx[i] = key(i), i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if desc {
			return strings.Compare(keys[b], keys[a])
		}
		return strings.Compare(keys[a], keys[b])
	})
	out := make([]T, len(rows))
	for i, j := range idx {
		out[i] = rows[j]
	}
	copy(rows, out)
}

// moneyKey sorts amounts as numbers.
func moneyKey(m data.Money) string { return fmt.Sprintf("%020d", int64(m)+1<<60) }
