package workforce

// SectorDraws returns the Monte Carlo draws of the number who left sector
// s, unrounded, in draw order: element d of the slices for two sectors
// comes from the same draw d of every input, so that a model of what the
// departures cost (workforce/impact) can evaluate each draw of all sectors
// together and keep their correlation. The draws are those the intervals
// come from ([Headcount.SectorInterval]), after the workforce cap
// ([Headcount.Capped]), so no draw exceeds the sector's workforce. The
// slice is a copy, of length [Headcount.Draws]; a sector not in the table,
// or the zero Headcount, gives nil.
func (h *Headcount) SectorDraws(s Sector) []float64 {
	h = h.orZero()
	if i := h.row(s); i >= 0 && h.store != nil {
		// Straight from the kept draws, without a summary.
		st := h.store
		secs := st.sectorTotals()
		out := make([]float64, st.draws)
		for k := range out {
			out[k] = secs[k*st.r+i]
		}
		return out
	}
	return h.SectorSummary(s).Samples()
}

// TotalDraws returns the Monte Carlo draws of the total who left, aligned
// with [Headcount.SectorDraws]: element d is the sum of the sectors'
// element d. Nil for the zero Headcount.
func (h *Headcount) TotalDraws() []float64 {
	return h.orZero().TotalSummary().Samples()
}
