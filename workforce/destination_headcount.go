package workforce

import (
	"math"
	"slices"

	"github.com/exodus-lab/exodus/estimate"
)

func (h *Headcount) destIndex(d Destination) int {
	if h.dest == nil || !d.Valid() {
		return -1
	}
	return h.dest.at[d] - 1
}

// Destinations returns the destinations of [Scenario].Destinations, in
// its order; nil without one.
func (h *Headcount) Destinations() []Destination {
	h = h.orZero()
	if h.dest == nil {
		return nil
	}
	return slices.Clone(h.dest.dests)
}

// Destination returns the number of people who went to d, a whole number;
// 0 for a destination not in the scenario.
func (h *Headcount) Destination(d Destination) int64 {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 {
		return 0
	}
	return h.dest.tot[i]
}

// DestinationShare returns the share of the total who went to d:
// Destination(d)/Total(); NaN for a total of 0 or a destination not in
// the scenario.
func (h *Headcount) DestinationShare(d Destination) float64 {
	h = h.orZero()
	if h.destIndex(d) < 0 || h.total == 0 {
		return math.NaN()
	}
	return float64(h.Destination(d)) / float64(h.total)
}

// DestinationSector returns the number of people from sector s who went
// to d; 0 outside the table.
func (h *Headcount) DestinationSector(d Destination, s Sector) int64 {
	h = h.orZero()
	i, j := h.destIndex(d), h.row(s)
	if i < 0 || j < 0 {
		return 0
	}
	return h.dest.ds[i*len(h.sectors)+j]
}

// DestinationSkill returns the number of people at skill level k who went
// to d; 0 outside the table.
func (h *Headcount) DestinationSkill(d Destination, k SkillLevel) int64 {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !k.Valid() {
		return 0
	}
	return h.dest.dk[i*NumSkillLevels+int(k)-1]
}

// DestinationBand returns the number of people in band b who went to d,
// the sum of its levels; 0 outside the table.
func (h *Headcount) DestinationBand(d Destination, b Band) int64 {
	var n int64
	for _, k := range b.SkillLevels() {
		n += h.DestinationSkill(d, k)
	}
	return n
}

// ExpectedDestination returns the unrounded point count of d, before
// controlled rounding.
func (h *Headcount) ExpectedDestination(d Destination) float64 {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 {
		return 0
	}
	return h.dest.expD[i]
}

// ExpectedDestinationSector returns the unrounded point count of (d, s)
// of the three-way fit, before controlled rounding.
func (h *Headcount) ExpectedDestinationSector(d Destination, s Sector) float64 {
	h = h.orZero()
	i, j := h.destIndex(d), h.row(s)
	if i < 0 || j < 0 {
		return 0
	}
	return h.dest.expDS[i*len(h.sectors)+j]
}

// ExpectedDestinationSkill returns the unrounded point count of (d, k).
func (h *Headcount) ExpectedDestinationSkill(d Destination, k SkillLevel) float64 {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !k.Valid() {
		return 0
	}
	return h.dest.expDK[i*NumSkillLevels+int(k)-1]
}

// destOutput is the summary of output o of the destination run.
func (h *Headcount) destOutput(o int) estimate.Summary {
	if h.dest == nil {
		return estimate.Summary{}
	}
	if h.dest.res == nil {
		if h.store == nil || h.store.share == nil {
			return estimate.Summary{}
		}
		return h.store.summary(o, true)
	}
	return h.dest.res.Output(o)
}

// destInterval is the interval of output o of the destination run at
// [Headcount.Level].
func (h *Headcount) destInterval(o int) (lo, hi float64) {
	if h.dest.res == nil && h.store != nil && h.store.share != nil {
		return h.store.interval(o, true, h.level)
	}
	return h.destOutput(o).Interval(h.level)
}

// DestinationSummary returns the Monte Carlo summary of the number who
// went to d (the zero Summary outside the table).
func (h *Headcount) DestinationSummary(d Destination) estimate.Summary {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 {
		return estimate.Summary{}
	}
	return h.destOutput(i)
}

// DestinationSectorSummary returns the Monte Carlo summary of the number
// from sector s who went to d.
func (h *Headcount) DestinationSectorSummary(d Destination, s Sector) estimate.Summary {
	h = h.orZero()
	i, j := h.destIndex(d), h.row(s)
	if i < 0 || j < 0 {
		return estimate.Summary{}
	}
	nd := len(h.dest.dests)
	return h.destOutput(nd + i*len(h.sectors) + j)
}

// DestinationSkillSummary returns the Monte Carlo summary of the number
// at skill level k who went to d.
func (h *Headcount) DestinationSkillSummary(d Destination, k SkillLevel) estimate.Summary {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !k.Valid() {
		return estimate.Summary{}
	}
	nd := len(h.dest.dests)
	return h.destOutput(nd + nd*len(h.sectors) + i*NumSkillLevels + int(k) - 1)
}

// DestinationBandSummary returns the Monte Carlo summary of the number in
// band b who went to d.
func (h *Headcount) DestinationBandSummary(d Destination, b Band) estimate.Summary {
	h = h.orZero()
	i := h.destIndex(d)
	if i < 0 || !b.Valid() {
		return estimate.Summary{}
	}
	nd := len(h.dest.dests)
	return h.destOutput(nd*(1+len(h.sectors)+NumSkillLevels) + i*NumBands + int(b) - 1)
}

// DestinationInterval returns the equal-tailed interval, at
// [Headcount.Level], of the number who went to d; (0, 0) outside the
// table, NaN without draws.
func (h *Headcount) DestinationInterval(d Destination) (lo, hi float64) {
	h = h.orZero()
	if h.destIndex(d) < 0 {
		return 0, 0
	}
	return h.destInterval(h.destIndex(d))
}

// DestinationSectorInterval returns the interval of the number from
// sector s who went to d.
func (h *Headcount) DestinationSectorInterval(d Destination, s Sector) (lo, hi float64) {
	h = h.orZero()
	if h.destIndex(d) < 0 || h.row(s) < 0 {
		return 0, 0
	}
	nd := len(h.dest.dests)
	return h.destInterval(nd + h.destIndex(d)*len(h.sectors) + h.row(s))
}

// DestinationSkillInterval returns the interval of the number at skill
// level k who went to d.
func (h *Headcount) DestinationSkillInterval(d Destination, k SkillLevel) (lo, hi float64) {
	h = h.orZero()
	if h.destIndex(d) < 0 || !k.Valid() {
		return 0, 0
	}
	nd := len(h.dest.dests)
	return h.destInterval(nd + nd*len(h.sectors) + h.destIndex(d)*NumSkillLevels + int(k) - 1)
}

// DestinationBandInterval returns the interval of the number in band b who
// went to d.
func (h *Headcount) DestinationBandInterval(d Destination, b Band) (lo, hi float64) {
	h = h.orZero()
	if h.destIndex(d) < 0 || !b.Valid() {
		return 0, 0
	}
	nd := len(h.dest.dests)
	return h.destInterval(nd*(1+len(h.sectors)+NumSkillLevels) + h.destIndex(d)*NumBands + int(b) - 1)
}

// destTable builds a Table of the destinations × cols from counts.
func (h *Headcount) destTable(cols []string, n []int64) *Table {
	rows := make([]string, len(h.dest.dests))
	for i, d := range h.dest.dests {
		rows[i] = d.String()
	}
	v := make([]float64, len(n))
	for k, x := range n {
		v[k] = float64(x)
	}
	return newTableOwned(rows, cols, v, slices.Clone(h.sources))
}

// DestinationSectorTable returns the whole-number destination × sector
// table: rows are destination codes ([Destination.String]), columns the
// sectors of [Headcount.Table]; nil without destinations. It carries the
// sources.
func (h *Headcount) DestinationSectorTable() *Table {
	h = h.orZero()
	if h.dest == nil {
		return nil
	}
	cols := make([]string, len(h.sectors))
	for j, s := range h.sectors {
		cols[j] = s.String()
	}
	return h.destTable(cols, h.dest.ds)
}

// DestinationSkillTable returns the whole-number destination × skill
// level table (columns "1" to "4"); nil without destinations.
func (h *Headcount) DestinationSkillTable() *Table {
	h = h.orZero()
	if h.dest == nil {
		return nil
	}
	return h.destTable([]string{"1", "2", "3", "4"}, h.dest.dk)
}

// DestinationBandTable returns the whole-number destination × band table
// (columns "low", "medium", "high"); nil without destinations.
func (h *Headcount) DestinationBandTable() *Table {
	h = h.orZero()
	if h.dest == nil {
		return nil
	}
	n := make([]int64, 0, len(h.dest.dests)*NumBands)
	for _, d := range h.dest.dests {
		for _, b := range Bands() {
			n = append(n, h.DestinationBand(d, b))
		}
	}
	return h.destTable([]string{"low", "medium", "high"}, n)
}
