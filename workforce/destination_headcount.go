package workforce

import (
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
			n = append(n, h.ByDestinationBand(d, b).N)
		}
	}
	return h.destTable([]string{"low", "medium", "high"}, n)
}
