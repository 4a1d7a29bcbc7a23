package workforce

import (
	"fmt"
	"math"

	"github.com/exodus-lab/exodus/estimate"
)

// A Count is what a [Headcount] knows about one group of the people who
// left: a cell (sector × skill level, [Headcount.Cell]), a sector, a skill
// level, a band, a destination, a destination × sector, skill level or
// band ([Headcount.BySector] and the other By methods), or everyone
// ([Headcount.Total]). One type for every group, so that the same
// question has the same name everywhere: c.N, c.Range(), c.Summary().
//
// N, Expected and Workforce are fields, known when the Count is made. The
// interval, the whole-people range, the Monte Carlo summary and the draws
// are methods,
// computed from the run's draws when asked for (each reads every draw
// once), so asking for N alone costs nothing more.
//
// The zero Count is a group that the Headcount does not have (a sector not
// in the workforce table, a destination not in the scenario): N, Expected
// and Workforce are 0, [Count.Interval] and [Count.Range] give (0, 0),
// [Count.Summary] the zero Summary, and [Count.Share] and [Count.ShareOf]
// NaN. A Count is a small value, safe for concurrent use; it refers to its
// Headcount, which is immutable.
type Count struct {
	// N is the number of people, a whole number. The Ns of a breakdown add
	// up exactly to the N of the whole: the cells of a sector to the
	// sector's, the sectors to the total's, the destinations to the
	// total's, the sectors of a destination to the destination's.
	N int64
	// Expected is the unrounded point count, before controlled rounding;
	// for a group of cells (a sector, a level, a band, the total, a
	// destination's band), the sum of its cells' expected counts.
	Expected float64
	// Workforce is the group's workforce in persons, the denominator of
	// [Count.Share]: the cell's, the sector's (all levels), the level's or
	// band's (all sectors), or the whole workforce's for the total. It is 0
	// for the groups of a destination, whose workforce is not known.
	Workforce float64

	h    *Headcount
	o    int     // the output of h's run, or of its destination run
	dest bool    // o is an output of the destination run
	cap  float64 // the range's upper bound in persons (draws are capped there); -1 for none
}

// Interval returns the equal-tailed interval, at [Headcount.Level], of the
// group's unrounded simulated counts. See [Headcount] ("Intervals") for
// why it may not contain N; [Count.Range] always does. A Count of a
// Headcount without draws gives NaN; the zero Count gives (0, 0).
func (c Count) Interval() (lo, hi float64) {
	switch {
	case c.h == nil:
		return 0, 0
	case c.dest: // made only where h has destinations
		return c.h.destInterval(c.o)
	}
	return c.h.interval(c.o)
}

// Range returns the interval as whole people, the form every output of the
// package prints ([Headcount.String], [Headcount.WriteCSV],
// [Headcount.MarshalJSON]): the whole numbers around [Count.Interval]
// (rounded outward, the upper end at most the whole people of the group's
// workforce), widened to include N where it lies outside, so that
// lo ≤ N ≤ hi always. Without draws it is (N, N); the zero Count gives
// (0, 0).
func (c Count) Range() (lo, hi int64) {
	if c.h == nil {
		return 0, 0
	}
	l, u := c.Interval()
	return wholeRange(c.N, l, u, c.cap)
}

// Summary returns the Monte Carlo summary (mean, SD, quantiles, the draws
// in draw order) of the group's unrounded simulated counts. Draws of two
// groups with the same index come from the same draw of every input, so
// that a model of what the departures cost (workforce/impact) can
// evaluate each draw of all sectors together; the draws are those after
// the workforce cap ([Headcount.Capped]). The zero Count, and a Count of a
// Headcount without draws, give the zero Summary.
func (c Count) Summary() estimate.Summary {
	switch {
	case c.h == nil:
		return estimate.Summary{}
	case c.dest:
		return c.h.destOutput(c.o)
	}
	return c.h.output(c.o)
}

// Samples returns the draws of the group's unrounded simulated count, in
// draw order, as [Count.Summary]'s Samples does: element d of the samples
// of two groups comes from the same draw d of every input, so that a model
// of what the departures cost (workforce/impact) can evaluate each draw of
// all sectors together and keep their correlation. The draws are those
// after the workforce cap ([Headcount.Capped]), so no draw exceeds the
// group's workforce. The slice is a copy, of length [Headcount.Draws]; the
// zero Count, and a streaming run, which keeps no draws, give nil. A
// sector's samples are read straight from the kept draws, without the
// summary's sorting.
func (c Count) Samples() []float64 {
	if c.h == nil {
		return nil
	}
	h := c.h
	if i := c.o - len(h.cells); !c.dest && h.store != nil && i >= 0 && i < len(h.sectors) {
		st := h.store
		secs := st.sectorTotals()
		out := make([]float64, st.draws)
		for k := range out {
			out[k] = secs[k*st.r+i]
		}
		return out
	}
	return c.Summary().Samples()
}

// Share returns the fraction of the group's workforce that left,
// N / Workforce; NaN where Workforce is 0 (a destination's groups, the
// zero Count). Divide [Count.Interval] by Workforce for its interval.
func (c Count) Share() float64 {
	if c.Workforce == 0 {
		return math.NaN()
	}
	return float64(c.N) / c.Workforce
}

// ShareOf returns the group's share of whole, N / whole.N, such as the
// share of the people who left that went to a destination:
// h.ByDestination(d).ShareOf(h.Total()). NaN for a whole of 0 and for the
// zero Count.
func (c Count) ShareOf(whole Count) float64 {
	if c.h == nil || whole.N == 0 {
		return math.NaN()
	}
	return float64(c.N) / float64(whole.N)
}

// String returns N and its range at the Headcount's level, as
// "11600 (90%: 9876–13350)"; just N without draws, and "0" for the zero
// Count.
func (c Count) String() string {
	if c.h == nil || c.h.res == nil {
		return fmt.Sprint(c.N)
	}
	lo, hi := c.Range()
	return fmt.Sprintf("%d (%g%%: %d–%d)", c.N, 100*c.h.level, lo, hi)
}

// Total returns the count of everyone who left. Its N is the headline
// figure, a whole number.
func (h *Headcount) Total() Count {
	h = h.orZero()
	var e float64
	for _, x := range h.expected {
		e += x
	}
	w := h.limit(func(int, int) bool { return true })
	return Count{N: h.total, Expected: e, Workforce: max(w, 0), h: h, o: h.totalOutput(), cap: w}
}

// Cell returns the count of the people who left sector s at skill level
// k; the zero Count for a sector not in the workforce table or an invalid
// level.
func (h *Headcount) Cell(s Sector, k SkillLevel) Count {
	h = h.orZero()
	i := h.row(s)
	if i < 0 || !k.Valid() {
		return Count{}
	}
	j := i*NumSkillLevels + int(k) - 1
	w := h.workforce.v[j]
	return Count{N: h.cells[j], Expected: h.expected[j], Workforce: w, h: h, o: j, cap: w}
}

// BySector returns the count of the people who left sector s, all skill
// levels; the zero Count for a sector not in the workforce table.
// [Headcount.Sectors] lists the sectors there are.
func (h *Headcount) BySector(s Sector) Count {
	h = h.orZero()
	i := h.row(s)
	if i < 0 {
		return Count{}
	}
	c := Count{Workforce: h.wfRows[i], h: h, o: len(h.cells) + i, cap: h.wfRows[i]}
	for k := range NumSkillLevels {
		c.N += h.cells[i*NumSkillLevels+k]
		c.Expected += h.expected[i*NumSkillLevels+k]
	}
	return c
}

// BySkill returns the count of the people who left at skill level k, all
// sectors; the zero Count for an invalid level.
func (h *Headcount) BySkill(k SkillLevel) Count {
	h = h.orZero()
	if !k.Valid() {
		return Count{}
	}
	w := h.limit(func(_, c int) bool { return c == int(k) }) // -1 for the zero Headcount
	c := Count{Workforce: max(w, 0), h: h, o: len(h.cells) + len(h.sectors) + int(k) - 1, cap: w}
	for i := range h.sectors {
		c.N += h.cells[i*NumSkillLevels+int(k)-1]
		c.Expected += h.expected[i*NumSkillLevels+int(k)-1]
	}
	return c
}

// ByBand returns the count of the people who left in skill band b, the
// sum of its levels; the zero Count for an invalid band.
func (h *Headcount) ByBand(b Band) Count {
	h = h.orZero()
	if !b.Valid() {
		return Count{}
	}
	w := h.limit(func(_, c int) bool { return SkillLevel(c).Band() == b }) // -1 for the zero Headcount
	c := Count{Workforce: max(w, 0), h: h, o: len(h.cells) + len(h.sectors) + NumSkillLevels + int(b) - 1, cap: w}
	for _, k := range b.SkillLevels() {
		kc := h.BySkill(k)
		c.N += kc.N
		c.Expected += kc.Expected
	}
	return c
}

// ByDestination returns the count of the people who went to d; the zero
// Count for a destination not in [Scenario].Destinations.
// [Headcount.Destinations] lists the destinations there are.
func (h *Headcount) ByDestination(d Destination) Count {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 {
		return Count{}
	}
	return Count{N: h.dest.tot[i], Expected: h.dest.expD[i], h: h, o: i, dest: true, cap: -1}
}

// ByDestinationSector returns the count of the people from sector s who
// went to d; the zero Count outside the destination × sector table.
func (h *Headcount) ByDestinationSector(d Destination, s Sector) Count {
	h = h.orZero()
	i, j := h.destIndex(d), h.row(s)
	if i < 0 || j < 0 {
		return Count{}
	}
	nd, o := len(h.dest.dests), i*len(h.sectors)+j
	return Count{N: h.dest.ds[o], Expected: h.dest.expDS[o], h: h, o: nd + o, dest: true, cap: -1}
}

// ByDestinationSkill returns the count of the people at skill level k who
// went to d; the zero Count outside the destination × skill table.
func (h *Headcount) ByDestinationSkill(d Destination, k SkillLevel) Count {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !k.Valid() {
		return Count{}
	}
	nd, o := len(h.dest.dests), i*NumSkillLevels+int(k)-1
	return Count{N: h.dest.dk[o], Expected: h.dest.expDK[o], h: h, o: nd + nd*len(h.sectors) + o, dest: true, cap: -1}
}

// ByDestinationBand returns the count of the people in band b who went to
// d, the sum of its levels; the zero Count outside the table.
func (h *Headcount) ByDestinationBand(d Destination, b Band) Count {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !b.Valid() {
		return Count{}
	}
	nd := len(h.dest.dests)
	c := Count{h: h, o: nd*(1+len(h.sectors)+NumSkillLevels) + i*NumBands + int(b) - 1, dest: true, cap: -1}
	for _, k := range b.SkillLevels() {
		kc := h.ByDestinationSkill(d, k)
		c.N += kc.N
		c.Expected += kc.Expected
	}
	return c
}

// cellShare is the number who left sector s at level k as a fraction of
// sector s's whole workforce, as the CSV and JSON forms give it; NaN for a
// sector not in the table or without workforce.
func (h *Headcount) cellShare(s Sector, k SkillLevel) float64 {
	w := h.BySector(s).Workforce
	if w == 0 {
		return math.NaN()
	}
	return float64(h.Cell(s, k).N) / w
}
