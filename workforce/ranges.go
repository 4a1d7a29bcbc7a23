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

// CellRange returns the interval of the number who left sector s at level
// k as whole people, the form every output of the package prints
// ([Headcount.String], [Headcount.WriteCSV], [Headcount.MarshalJSON]): the
// whole numbers around [Headcount.Interval] (rounded outward, the upper
// end at most the whole people working in the cell), widened to include
// the count [Headcount.At] where it lies outside, so that lo ≤ At(s, k) ≤
// hi always. See [Headcount] ("Intervals") for when the
// widening acts. A cell not in the table gives (0, 0).
func (h *Headcount) CellRange(s Sector, k SkillLevel) (lo, hi int64) {
	h = h.orZero()
	if h.row(s) < 0 || !k.Valid() {
		return 0, 0
	}
	l, u := h.Interval(s, k)
	i := h.row(s)
	return wholeRange(h.At(s, k), l, u, h.limit(func(r, c int) bool { return r == i && c == int(k) }))
}

// SectorRange returns the interval of the number who left sector s as
// whole people that enclose [Headcount.Sector], as [Headcount.CellRange]
// does for a cell; (0, 0) for a sector not in the table.
func (h *Headcount) SectorRange(s Sector) (lo, hi int64) {
	h = h.orZero()
	if h.row(s) < 0 {
		return 0, 0
	}
	l, u := h.SectorInterval(s)
	return wholeRange(h.Sector(s), l, u, h.wfRows[h.row(s)])
}

// SkillRange returns the interval of the number who left at level k as
// whole people that enclose [Headcount.Skill]; (0, 0) for an invalid
// level.
func (h *Headcount) SkillRange(k SkillLevel) (lo, hi int64) {
	h = h.orZero()
	if !k.Valid() {
		return 0, 0
	}
	l, u := h.SkillInterval(k)
	return wholeRange(h.Skill(k), l, u, h.limit(func(_, c int) bool { return c == int(k) }))
}

// BandRange returns the interval of the number who left in band b as
// whole people that enclose [Headcount.Band]; (0, 0) for an invalid band.
func (h *Headcount) BandRange(b Band) (lo, hi int64) {
	h = h.orZero()
	if !b.Valid() {
		return 0, 0
	}
	l, u := h.BandInterval(b)
	return wholeRange(h.Band(b), l, u, h.limit(func(_, c int) bool { return SkillLevel(c).Band() == b }))
}

// TotalRange returns the interval of the total who left as whole people
// that enclose [Headcount.Total].
func (h *Headcount) TotalRange() (lo, hi int64) {
	h = h.orZero()
	l, u := h.TotalInterval()
	return wholeRange(h.total, l, u, h.limit(func(int, int) bool { return true }))
}
