package data

import (
	"context"
	"math"
)

// assign solves the rectangular assignment problem: given a rows×cols cost matrix (row-major,
// rows ≤ cols, costs ≥ 0) it returns for each row a distinct column so that the summed cost is
// the smallest possible. It is the shortest-augmenting-path method of Jonker and Volgenant in
// the form of Crouse (2016): one Dijkstra search per row over reduced costs, with potentials
// kept so that every reduced cost stays non-negative. Integer costs keep the optimum exact.
// ctx is checked before each row so that a long run can be cancelled.
func assign(ctx context.Context, cost []int32, rows, cols int) ([]int, error) {
	const inf = math.MaxInt
	u := make([]int, rows) // row potentials
	v := make([]int, cols) // column potentials
	shortest := make([]int, cols)
	path := make([]int, cols) // the row from which each column was reached
	col4row := make([]int, rows)
	row4col := make([]int, cols)
	remaining := make([]int, cols)
	scannedRows := make([]int, 0, rows)
	scannedCols := make([]int, 0, cols)
	for i := range col4row {
		col4row[i] = -1
	}
	for j := range row4col {
		row4col[j] = -1
	}

	for cur := range rows {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for j := range cols {
			shortest[j] = inf
			remaining[j] = j
		}
		scannedRows, scannedCols = scannedRows[:0], scannedCols[:0]
		left := cols
		minVal, i, sink := 0, cur, -1
		for sink < 0 {
			scannedRows = append(scannedRows, i)
			row := cost[i*cols : (i+1)*cols]
			base := minVal - u[i]
			lowest, at := inf, -1
			for k := range left {
				j := remaining[k]
				if r := base + int(row[j]) - v[j]; r < shortest[j] {
					path[j], shortest[j] = i, r
				}
				// Among equal distances a free column ends the search soonest.
				if s := shortest[j]; s < lowest || (s == lowest && row4col[j] < 0) {
					lowest, at = s, k
				}
			}
			minVal = lowest
			j := remaining[at]
			scannedCols = append(scannedCols, j)
			left--
			remaining[at] = remaining[left]
			if row4col[j] < 0 {
				sink = j
			} else {
				i = row4col[j]
			}
		}

		u[cur] += minVal
		for _, r := range scannedRows[1:] {
			u[r] += minVal - shortest[col4row[r]]
		}
		for _, c := range scannedCols {
			v[c] -= minVal - shortest[c]
		}
		for j := sink; ; {
			r := path[j]
			row4col[j] = r
			col4row[r], j = j, col4row[r]
			if r == cur {
				break
			}
		}
	}
	return col4row, nil
}
