package workforce

import (
	"cmp"
	"math"
	"slices"
)

// roundByBand rounds the r×4 sector × skill-level table x to whole
// numbers so that every cell, sector total, skill-level total, band total
// and the grand total is one of the two whole numbers next to its
// unrounded value, and they add up. Controlled rounding of the four
// columns alone keeps each column adjacent, but the high band, the sum of
// levels 3 and 4, could then move by up to two (4.0 could become 5: issue
// 9). So it rounds the sector × band table first (low, medium, high), then
// splits each sector's high-band count between levels 3 and 4: each cell
// to an adjacent whole number, with the level-3 total adjacent to its
// unrounded value, by largest fraction. Should no such split exist, it
// falls back to controlled rounding of the four columns.
func roundByBand(x []float64, r int, rows, cols []string) ([]int64, error) {
	const c = NumSkillLevels
	bx := make([]float64, r*NumBands)
	for i := range r {
		bx[i*NumBands] = x[i*c]
		bx[i*NumBands+1] = x[i*c+1]
		bx[i*NumBands+2] = x[i*c+2] + x[i*c+3]
	}
	bands, err := roundInts(bx, r, NumBands, rows, []string{"low", "medium", "high"}, bx)
	if err != nil {
		return nil, err
	}
	out := make([]int64, r*c)
	var h, base int64
	var x3, x4 kahan
	var open []int // rows whose level-3 cell may go up by one
	for i := range r {
		out[i*c], out[i*c+1] = bands[i*NumBands], bands[i*NumBands+1]
		b := bands[i*NumBands+2]
		h += b
		a, d := snap(x[i*c+2]), snap(x[i*c+3])
		x3.add(x[i*c+2])
		x4.add(x[i*c+3])
		lo := max(int64(math.Floor(a)), b-int64(math.Ceil(d)))
		hi := min(int64(math.Ceil(a)), b-int64(math.Floor(d)))
		if lo > hi || lo < 0 {
			return roundInts(x, r, c, rows, cols, x)
		}
		out[i*c+2] = lo
		base += lo
		if hi > lo {
			open = append(open, i)
		}
	}
	t3, t4 := snap(x3.value()), snap(x4.value())
	lo := max(int64(math.Floor(t3)), h-int64(math.Ceil(t4)), base)
	hi := min(int64(math.Ceil(t3)), h-int64(math.Floor(t4)), base+int64(len(open)))
	if lo > hi {
		return roundInts(x, r, c, rows, cols, x)
	}
	target := min(max(int64(math.Round(t3)), lo), hi)
	frac := func(i int) float64 { v := snap(x[i*c+2]); return v - math.Floor(v) }
	slices.SortStableFunc(open, func(a, b int) int { return cmp.Compare(frac(b), frac(a)) })
	for _, i := range open[:target-base] {
		out[i*c+2]++
	}
	for i := range r {
		out[i*c+3] = bands[i*NumBands+2] - out[i*c+2]
	}
	return out, nil
}
