package workforce

import "math"

// wholeRange returns the whole numbers of people around the interval
// lo–hi that also enclose the count n: math.Floor of lo and math.Ceil of
// hi (a bound within floating-point noise of a whole number is that
// number), the upper end at most the whole people of the workforce w
// (draws are capped at w, which need not be whole), and widened to n when
// n lies outside. Without an interval (NaN, as for the zero Headcount) it
// is n–n.
func wholeRange(n int64, lo, hi, w float64) (int64, int64) {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return n, n
	}
	const top = 1 << 62 // far above any total (2^53), and exact in int64
	l := int64(math.Min(math.Max(math.Floor(snap(lo)), 0), top))
	u := math.Ceil(snap(hi))
	if w >= 0 {
		u = math.Min(u, math.Floor(snap(w)))
	}
	return min(l, n), max(int64(math.Min(math.Max(u, 0), top)), n)
}

// limit returns the workforce of the cells for which keep is true.
func (h *Headcount) limit(keep func(i, k int) bool) float64 {
	if h.workforce == nil {
		return -1
	}
	var w kahan
	for j, v := range h.workforce.v {
		if keep(j/NumSkillLevels, j%NumSkillLevels+1) {
			w.add(v)
		}
	}
	return w.value()
}
