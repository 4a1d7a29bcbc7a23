package workforce

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"

	"github.com/exodus-lab/exodus"
)

// tableJSON is the JSON shape of a Table.
type tableJSON struct {
	Rows    []string        `json:"rows"`
	Cols    []string        `json:"cols"`
	Values  [][]*float64    `json:"values"`
	Sources []exodus.Source `json:"sources"`
}

// MarshalJSON implements [json.Marshaler]. A table is an object
//
//	{"rows": ["A", "J"], "cols": ["1", "2"], "values": [[1, 2], [3, null]], "sources": [...]}
//
// with the row and column labels, the cells row by row (values[i][j] is
// row i, column j; null for a missing cell), and the sources as
// [exodus.Source] objects. Numbers are written in the shortest form that
// reads back exactly, so [Table.UnmarshalJSON] restores an equal table
// with the same sources. The empty table is
// {"rows":[],"cols":[],"values":[],"sources":[]}; encoding/json writes
// null for a nil *Table. The receiver is a value, so that a struct field of
// type Table marshals too, not only a *Table.
func (tv Table) MarshalJSON() ([]byte, error) {
	t := &tv
	j := tableJSON{Rows: t.rows, Cols: t.cols, Values: make([][]*float64, len(t.rows)), Sources: t.sources}
	if j.Rows == nil {
		j.Rows = []string{}
	}
	if j.Cols == nil {
		j.Cols = []string{}
	}
	if j.Sources == nil {
		j.Sources = []exodus.Source{}
	}
	c := len(t.cols)
	cells := make([]float64, len(t.v)) // pointers into a copy, not into t
	copy(cells, t.v)
	for i := range j.Values {
		row := make([]*float64, c)
		for k := range row {
			if x := &cells[i*c+k]; !math.IsNaN(*x) {
				row[k] = x
			}
		}
		j.Values[i] = row
	}
	return json.Marshal(j)
}

// UnmarshalJSON implements [json.Unmarshaler], reading the object that
// [Table.MarshalJSON] writes; null cells are missing. The labels and
// values must make a valid table, as for [NewTable] (errors wrap
// [ErrShape], [ErrBadValue] or [ErrUnknownCode]); malformed JSON, an
// unknown field or a value of the wrong type is an error wrapping
// [ErrSyntax]. JSON null leaves t unchanged. On error t is unchanged.
//
// UnmarshalJSON replaces *t: call it only on a Table that nothing else is
// using yet, such as a new(Table) or a field being decoded.
func (t *Table) UnmarshalJSON(data []byte) error {
	if t == nil {
		return fmt.Errorf("workforce: unmarshal table: nil *Table: %w", ErrBadValue)
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var j tableJSON
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&j); err != nil {
		return fmt.Errorf("workforce: unmarshal table: %v: %w", err, ErrSyntax)
	}
	if d.More() {
		return fmt.Errorf("workforce: unmarshal table: data after the object: %w", ErrSyntax)
	}
	values := make([][]float64, len(j.Values))
	for i, row := range j.Values {
		if row == nil {
			return fmt.Errorf("workforce: unmarshal table: row %d of values is null: %w", i, ErrSyntax)
		}
		values[i] = make([]float64, len(row))
		for k, x := range row {
			if x == nil {
				values[i][k] = math.NaN()
			} else {
				values[i][k] = *x
			}
		}
	}
	u, err := NewTable(j.Rows, j.Cols, values)
	if err != nil {
		return nest(err, "workforce: unmarshal table")
	}
	if len(j.Sources) > 0 {
		u.sources = j.Sources
	}
	*t = *u
	return nil
}

// headcountJSON is the JSON description of a Headcount.
type headcountJSON struct {
	Total   countJSON       `json:"total"`
	Level   float64         `json:"level"`
	Draws   int             `json:"draws"`
	Sectors []sectorJSON    `json:"sectors"`
	Skills  []levelJSON     `json:"skills"`
	Bands   []bandJSON      `json:"bands"`
	Sources []exodus.Source `json:"sources"`
	Notes   []string        `json:"notes"`
}

type countJSON struct {
	Count    int64       `json:"count"`
	Interval *[2]float64 `json:"interval"`
}

type sectorJSON struct {
	Sector    Sector      `json:"sector"`
	Workforce float64     `json:"workforce"`
	Count     int64       `json:"count"`
	Interval  *[2]float64 `json:"interval"`
	Share     *float64    `json:"share"`
	Levels    []levelJSON `json:"levels"`
}

type levelJSON struct {
	Level    SkillLevel  `json:"level"`
	Count    int64       `json:"count"`
	Interval *[2]float64 `json:"interval"`
	Share    *float64    `json:"share,omitempty"`
}

type bandJSON struct {
	Band     Band        `json:"band"`
	Count    int64       `json:"count"`
	Interval *[2]float64 `json:"interval"`
}

// interval is [lo, hi], or nil (JSON null) when either is not a number,
// as for the zero Headcount, which has no draws.
func interval(lo, hi float64) *[2]float64 {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return nil
	}
	return &[2]float64{lo, hi}
}

func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// MarshalJSON implements [json.Marshaler] with a description of the
// result, meant for reports and other programs; it is one-way (there is no
// UnmarshalJSON: recompute with [Headcounts]). The object has:
//
//   - "total": {"count": whole people, "interval": [lo, hi]};
//   - "level": the coverage level of every interval, such as 0.9;
//   - "draws": the number of Monte Carlo draws;
//   - "sectors": one object per sector, in the workforce's row order, with
//     "sector" (its letter), "workforce" (persons), "count", "interval",
//     "share" (count / workforce, as [Headcount.SectorShare]) and "levels":
//     per skill level "level" ("1" to "4"), "count", "interval" and
//     "share" (as [Headcount.CellShare]);
//   - "skills" and "bands": totals per skill level and band ("low",
//     "medium", "high"), each with "count" and "interval";
//   - "sources" ([exodus.Source] objects) and "notes" (strings).
//
// Counts are the whole-number point results, intervals the Monte Carlo
// intervals of [Headcount.Interval] and its kin, unrounded; an interval or
// share that is not a number (the zero Headcount has no draws) is null.
// encoding/json writes null for a nil *Headcount. The receiver is a value,
// so that a struct field of type Headcount marshals too.
func (hv Headcount) MarshalJSON() ([]byte, error) {
	h := &hv
	j := headcountJSON{
		Total:   countJSON{Count: h.total, Interval: interval(h.TotalInterval())},
		Level:   h.level,
		Draws:   h.Draws(),
		Sectors: make([]sectorJSON, 0, len(h.sectors)),
		Sources: h.Sources(),
		Notes:   h.Notes(),
	}
	if j.Sources == nil {
		j.Sources = []exodus.Source{}
	}
	if j.Notes == nil {
		j.Notes = []string{}
	}
	for _, s := range h.sectors {
		sj := sectorJSON{
			Sector: s, Workforce: h.SectorWorkforce(s), Count: h.Sector(s),
			Interval: interval(h.SectorInterval(s)), Share: finite(h.SectorShare(s)),
		}
		for _, k := range SkillLevels() {
			sj.Levels = append(sj.Levels, levelJSON{Level: k, Count: h.At(s, k),
				Interval: interval(h.Interval(s, k)), Share: finite(h.CellShare(s, k))})
		}
		j.Sectors = append(j.Sectors, sj)
	}
	for _, k := range SkillLevels() {
		j.Skills = append(j.Skills, levelJSON{Level: k, Count: h.Skill(k), Interval: interval(h.SkillInterval(k))})
	}
	for _, b := range Bands() {
		j.Bands = append(j.Bands, bandJSON{Band: b, Count: h.Band(b), Interval: interval(h.BandInterval(b))})
	}
	return json.Marshal(j)
}
