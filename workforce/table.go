package workforce

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/exodus-lab/exodus"
)

// A Table is a labelled two-way table of non-negative float64 counts, such
// as employment by sector (rows) and occupation or skill level (columns).
//
// A Table is immutable: constructors copy their inputs, accessors return
// copies, and every transformation returns a new Table. It is therefore safe
// for concurrent use. A table has at least one row and one column, or
// neither: the empty table, which has no CSV form ([Table.WriteCSV]). The
// zero Table is the empty 0×0 table, and so is a nil *Table: every method is safe on a nil receiver and behaves as on the
// zero Table (Dims returns 0, 0; Total 0; String ""; Equal reports whether
// the other table is empty too), except [Table.MarshalJSON], whose receiver
// is a value so that a struct field of type Table marshals; encoding/json
// writes null for a nil *Table without calling it. Functions that take a *Table argument,
// such as [Fit] and [ControlledRound], return an error for nil.
//
// A cell may be missing: published as suppressed, or otherwise unknown. It
// reads as NaN, and any total over it is NaN (unknown), never a silent zero.
// Operations that need complete data ([Fit], [ControlledRound],
// [Table.AggregateCols]) return an error wrapping [ErrMissing] that names
// the first missing cell by its row and column labels; fill the gaps
// first with [Table.SpreadMissing].
//
// A Table carries the sources of its figures ([Table.Sources]); derived
// tables keep them.
type Table struct {
	rows, cols []string
	v          []float64 // row-major; NaN = missing
	sources    []exodus.Source
	// russia marks a table from DefaultWorkforce, the embedded Russian
	// data, whose Share base is the Russian labour force (Scenario.Base).
	// WithSources keeps it; every other derived table drops it.
	russia bool
}

// NewTable returns a table with the given row and column labels and values,
// values[i][j] being the cell in row i and column j. A table has at least
// one row and one column, or none of either (the empty table, equal to the
// zero Table): rows without columns or columns without rows are an error
// wrapping [ErrShape]. Labels must be non-empty, valid UTF-8, without
// control characters or leading or trailing white space (which CSV and
// JSON could not carry back, or [ReadCSV] would trim), and unique within
// rows and within columns. Values must be
// finite and non-negative (-0 is stored as 0); NaN marks a missing cell.
// Every row, column and
// the grand total (of the cells present) must be finite too: a total
// beyond the float64 range is an error wrapping [ErrBadValue] naming the
// row or column. NewTable copies its arguments. Errors wrap [ErrShape], [ErrBadValue] or [ErrUnknownCode] (an
// empty or duplicate label).
func NewTable(rows, cols []string, values [][]float64) (*Table, error) {
	if len(values) != len(rows) {
		return nil, fmt.Errorf("workforce: new table: %d rows of values for %d row labels: %w", len(values), len(rows), ErrShape)
	}
	if (len(rows) == 0) != (len(cols) == 0) {
		return nil, fmt.Errorf("workforce: new table: %d rows and %d columns: a table has both or neither: %w", len(rows), len(cols), ErrShape)
	}
	if err := checkLabels("row", rows); err != nil {
		return nil, err
	}
	if err := checkLabels("column", cols); err != nil {
		return nil, err
	}
	t := &Table{rows: slices.Clone(rows), cols: slices.Clone(cols), v: make([]float64, 0, len(rows)*len(cols))}
	for i, r := range values {
		if len(r) != len(cols) {
			return nil, fmt.Errorf("workforce: new table: row %q has %d values for %d columns: %w", rows[i], len(r), len(cols), ErrShape)
		}
		for j, x := range r {
			if !math.IsNaN(x) && !finiteNonNeg(x) {
				return nil, fmt.Errorf("workforce: new table: cell (%q, %q) = %v: %w", rows[i], cols[j], x, ErrBadValue)
			}
		}
		for _, x := range r {
			t.v = append(t.v, x+0) // -0 + 0 is 0: no signed zeros
		}
	}
	if err := checkTotals("new table", t.rows, t.cols, t.v); err != nil {
		return nil, err
	}
	return t, nil
}

// checkTotals returns an error wrapping ErrBadValue, naming the line, if a
// row, column or the grand total of the finite row-major cells v (missing
// cells left out) overflows to +Inf.
func checkTotals(op string, rows, cols []string, v []float64) error {
	c := len(cols)
	if c == 0 {
		return nil
	}
	row, col, tot := 0.0, make([]float64, c), 0.0
	for k, x := range v {
		if math.IsNaN(x) {
			continue
		}
		if k%c == 0 {
			row = 0
		}
		row += x
		col[k%c] += x
		tot += x
		if math.IsInf(row, 1) {
			return fmt.Errorf("workforce: %s: row %q sums beyond the float64 range: %w", op, rows[k/c], ErrBadValue)
		}
	}
	for j, x := range col {
		if math.IsInf(x, 1) {
			return fmt.Errorf("workforce: %s: column %q sums beyond the float64 range: %w", op, cols[j], ErrBadValue)
		}
	}
	if math.IsInf(tot, 1) {
		return fmt.Errorf("workforce: %s: the grand total is beyond the float64 range: %w", op, ErrBadValue)
	}
	return nil
}

// MustNewTable is like [NewTable] but panics on error. It is meant for
// literals in tests and examples.
func MustNewTable(rows, cols []string, values [][]float64) *Table {
	t, err := NewTable(rows, cols, values)
	if err != nil {
		panic(err)
	}
	return t
}

func checkLabels(kind string, labels []string) error {
	seen := make(map[string]struct{}, len(labels))
	for _, l := range labels {
		if l == "" {
			return fmt.Errorf("workforce: empty %s label: %w", kind, ErrUnknownCode)
		}
		if p := labelProblem(l); p != "" {
			return fmt.Errorf("workforce: %s label %s: %w", kind, p, ErrUnknownCode)
		}
		if _, dup := seen[l]; dup {
			return fmt.Errorf("workforce: duplicate %s label %q: %w", kind, l, ErrUnknownCode)
		}
		seen[l] = struct{}{}
	}
	return nil
}

// labelProblem says what is wrong with a non-empty label, naming it ("\"a \"
// has trailing white space"), or returns "" if nothing is. Labels must
// survive CSV (which [ReadCSV] trims and whose reader turns \r\n into \n
// inside quotes) and JSON (which replaces invalid UTF-8).
func labelProblem(l string) string {
	switch {
	case !utf8.ValidString(l):
		return fmt.Sprintf("%q is not valid UTF-8", l)
	case strings.TrimSpace(l) != l:
		return fmt.Sprintf("%q has leading or trailing white space", l)
	case strings.ContainsFunc(l, unicode.IsControl):
		return fmt.Sprintf("%q has a control character", l)
	}
	return ""
}

// newTableOwned builds a table that takes ownership of its arguments.
func newTableOwned(rows, cols []string, v []float64, src []exodus.Source) *Table {
	return &Table{rows: rows, cols: cols, v: v, sources: src}
}

// orEmpty returns t, or the zero Table when t is nil, so that every method
// is safe on a nil receiver.
func (t *Table) orEmpty() *Table {
	if t == nil {
		return &Table{}
	}
	return t
}

// missing returns an error wrapping [ErrMissing] naming the first missing
// cell, for the operation what; nil if no cell is missing.
func (t *Table) missing(what string) error {
	k := slices.IndexFunc(t.v, math.IsNaN)
	if k < 0 {
		return nil
	}
	c := len(t.cols)
	return fmt.Errorf("workforce: %s: cell (%q, %q) is missing: %w", what, t.rows[k/c], t.cols[k%c], ErrMissing)
}

// nilTable is the error for a nil *Table argument to the operation what.
func nilTable(what string) error {
	return fmt.Errorf("workforce: %s: nil table: %w", what, ErrBadValue)
}

// with returns a copy of t's labels and sources around new values v.
func (t *Table) with(v []float64) *Table {
	return &Table{rows: t.rows, cols: t.cols, v: v, sources: t.sources}
}

// Dims returns the numbers of rows and columns.
func (t *Table) Dims() (rows, cols int) {
	if t == nil {
		return 0, 0
	}
	return len(t.rows), len(t.cols)
}

// Rows returns the row labels, in a new slice.
func (t *Table) Rows() []string { return slices.Clone(t.orEmpty().rows) }

// Cols returns the column labels, in a new slice.
func (t *Table) Cols() []string { return slices.Clone(t.orEmpty().cols) }

// RowIndex returns the index of the row labelled label, or false.
func (t *Table) RowIndex(label string) (int, bool) {
	t = t.orEmpty()
	i := slices.Index(t.rows, label)
	return i, i >= 0
}

// ColIndex returns the index of the column labelled label, or false.
func (t *Table) ColIndex(label string) (int, bool) {
	t = t.orEmpty()
	j := slices.Index(t.cols, label)
	return j, j >= 0
}

// At returns the cell in row i and column j; NaN if it is missing. An index
// out of range is a programming error: At panics, like a slice index, with
// a message naming the index and the number of rows or columns.
func (t *Table) At(i, j int) float64 {
	t = t.orEmpty()
	t.checkRow(i)
	if j < 0 || j >= len(t.cols) {
		panic(fmt.Sprintf("workforce: column index %d out of range [0,%d)", j, len(t.cols)))
	}
	return t.v[i*len(t.cols)+j]
}

func (t *Table) checkRow(i int) {
	if i < 0 || i >= len(t.rows) {
		panic(fmt.Sprintf("workforce: row index %d out of range [0,%d)", i, len(t.rows)))
	}
}

// Get returns the cell labelled (row, col); NaN if it is missing. An unknown
// label is an error wrapping [ErrUnknownCode].
func (t *Table) Get(row, col string) (float64, error) {
	t = t.orEmpty()
	i, ok := t.RowIndex(row)
	if !ok {
		return 0, fmt.Errorf("workforce: table has no row %q: %w", row, ErrUnknownCode)
	}
	j, ok := t.ColIndex(col)
	if !ok {
		return 0, fmt.Errorf("workforce: table has no column %q: %w", col, ErrUnknownCode)
	}
	return t.v[i*len(t.cols)+j], nil
}

// Row returns row i's cells, in a new slice. An index out of range is a
// programming error: Row panics, like [Table.At], with a message naming i
// and the number of rows.
func (t *Table) Row(i int) []float64 {
	t = t.orEmpty()
	t.checkRow(i)
	c := len(t.cols)
	return slices.Clone(t.v[i*c : (i+1)*c])
}

// Values returns all cells as a new [][]float64, values[i][j] being row i,
// column j.
func (t *Table) Values() [][]float64 {
	t = t.orEmpty()
	out := make([][]float64, len(t.rows))
	for i := range out {
		out[i] = t.Row(i)
	}
	return out
}

// RowTotals returns the sum of each row; NaN for a row with a missing cell.
func (t *Table) RowTotals() []float64 {
	t = t.orEmpty()
	c := len(t.cols)
	out := make([]float64, len(t.rows))
	for i := range out {
		for _, x := range t.v[i*c : (i+1)*c] {
			out[i] += x
		}
	}
	return out
}

// ColTotals returns the sum of each column; NaN for a column with a missing
// cell.
func (t *Table) ColTotals() []float64 {
	t = t.orEmpty()
	c := len(t.cols)
	out := make([]float64, c)
	for k, x := range t.v {
		out[k%c] += x
	}
	return out
}

// Total returns the sum of all cells; NaN if any is missing.
func (t *Table) Total() float64 {
	t = t.orEmpty()
	s := 0.0
	for _, x := range t.v {
		s += x
	}
	return s
}

// HasMissing reports whether any cell is missing.
func (t *Table) HasMissing() bool {
	t = t.orEmpty()
	return slices.ContainsFunc(t.v, math.IsNaN)
}

// Missing reports whether the cell in row i and column j is missing.
func (t *Table) Missing(i, j int) bool { return math.IsNaN(t.At(i, j)) }

// Scale returns the table with every cell multiplied by f, which must be
// finite and non-negative, as must every product (an error wrapping
// [ErrBadValue] otherwise). Missing cells stay missing.
func (t *Table) Scale(f float64) (*Table, error) {
	t = t.orEmpty()
	if !finiteNonNeg(f) {
		return nil, fmt.Errorf("workforce: scale table by %v: %w", f, ErrBadValue)
	}
	v := make([]float64, len(t.v))
	for k, x := range t.v {
		v[k] = x * f
		if math.IsInf(v[k], 1) {
			return nil, fmt.Errorf("workforce: scale table by %v: cell (%q, %q) = %v overflows: %w", f, t.rows[k/len(t.cols)], t.cols[k%len(t.cols)], x, ErrBadValue)
		}
	}
	return t.with(v), nil
}

// checkTotal returns an error wrapping [ErrBadValue] if a total overflows
// float64, so that shares are never silently zero.
func checkTotal(what string, tot float64) error {
	if math.IsInf(tot, 1) {
		return fmt.Errorf("workforce: %s sums to %v: %w", what, tot, ErrBadValue)
	}
	return nil
}

// Shares returns each cell divided by the grand total, so the cells sum
// to 1. A table whose total is zero or NaN gives an error wrapping
// [ErrBadValue] or [ErrMissing].
func (t *Table) Shares() (*Table, error) {
	t = t.orEmpty()
	if err := t.missing("shares"); err != nil {
		return nil, err
	}
	tot := t.Total()
	if tot == 0 {
		return nil, fmt.Errorf("workforce: shares of a table whose total is 0: %w", ErrBadValue)
	}
	if err := checkTotal("shares: table", tot); err != nil {
		return nil, err
	}
	return t.Scale(1 / tot)
}

// RowShares returns each cell divided by its row total, so each row sums
// to 1: within-row composition, such as each sector's occupation mix. A row
// whose total is zero gives an error wrapping [ErrBadValue]. Missing cells
// give an error wrapping [ErrMissing].
func (t *Table) RowShares() (*Table, error) {
	t = t.orEmpty()
	if err := t.missing("row shares"); err != nil {
		return nil, err
	}
	c := len(t.cols)
	v := make([]float64, len(t.v))
	for i, tot := range t.RowTotals() {
		if tot == 0 {
			return nil, fmt.Errorf("workforce: row shares: row %q sums to 0: %w", t.rows[i], ErrBadValue)
		}
		if err := checkTotal(fmt.Sprintf("row shares: row %q", t.rows[i]), tot); err != nil {
			return nil, err
		}
		for j := range c {
			v[i*c+j] = t.v[i*c+j] / tot
		}
	}
	return t.with(v), nil
}

// ColShares returns each cell divided by its column total, so each column
// sums to 1. Errors are as for [Table.RowShares].
func (t *Table) ColShares() (*Table, error) {
	t = t.orEmpty()
	if err := t.missing("column shares"); err != nil {
		return nil, err
	}
	c := len(t.cols)
	tots := t.ColTotals()
	for j, tot := range tots {
		if tot == 0 {
			return nil, fmt.Errorf("workforce: column shares: column %q sums to 0: %w", t.cols[j], ErrBadValue)
		}
		if err := checkTotal(fmt.Sprintf("column shares: column %q", t.cols[j]), tot); err != nil {
			return nil, err
		}
	}
	v := make([]float64, len(t.v))
	for k, x := range t.v {
		v[k] = x / tots[k%c]
	}
	return t.with(v), nil
}

// SpreadMissing fills the missing cells of each row so the row adds up to
// rowTotals[i]: the gap between the total and the row's known cells is
// divided evenly among its missing cells. This is the rule for suppressed
// cells when only the row total is published; the source gives no split, so
// say so wherever the result is used. A row with no missing cells must
// already add up to its total within a relative 1e-5 (else an error
// wrapping [ErrInconsistent]); a gap below minus that slack is an error wrapping
// [ErrInconsistent]; len(rowTotals) must equal the number of rows.
func (t *Table) SpreadMissing(rowTotals []float64) (*Table, error) {
	t = t.orEmpty()
	if len(rowTotals) != len(t.rows) {
		return nil, fmt.Errorf("workforce: spread missing: %d row totals for %d rows: %w", len(rowTotals), len(t.rows), ErrShape)
	}
	c := len(t.cols)
	v := slices.Clone(t.v)
	for i, tot := range rowTotals {
		if !finiteNonNeg(tot) {
			return nil, fmt.Errorf("workforce: spread missing: total of row %q = %v: %w", t.rows[i], tot, ErrBadValue)
		}
		known, n := 0.0, 0
		for _, x := range v[i*c : (i+1)*c] {
			if math.IsNaN(x) {
				n++
			} else {
				known += x
			}
		}
		gap := tot - known
		slack := 1e-5 * math.Max(tot, 1)
		switch {
		case gap < -slack:
			return nil, fmt.Errorf("workforce: spread missing: row %q: known cells sum to %v, more than the total %v: %w", t.rows[i], known, tot, ErrInconsistent)
		case n == 0 && gap > slack:
			return nil, fmt.Errorf("workforce: spread missing: row %q: cells sum to %v, not the total %v: %w", t.rows[i], known, tot, ErrInconsistent)
		case n == 0:
			continue
		}
		fill := math.Max(gap, 0) / float64(n)
		for j := range c {
			if math.IsNaN(v[i*c+j]) {
				v[i*c+j] = fill
			}
		}
	}
	return t.with(v), nil
}

// AggregateCols maps the columns onto new columns labelled to:
// weights[j][k] is the fraction of old column j that goes to new column k.
// Each weights[j] must have len(to) finite non-negative entries; they
// usually sum to 1, so the grand total is kept. The empty table aggregates
// to the empty table; a table with rows needs at least one new column. Missing cells give an error
// wrapping [ErrMissing]; bad shapes [ErrShape]; bad weights, or a new cell
// that overflows float64, [ErrBadValue].
// For occupations to skill levels, see [Table.SkillLevels].
func (t *Table) AggregateCols(to []string, weights [][]float64) (*Table, error) {
	t = t.orEmpty()
	if err := checkLabels("column", to); err != nil {
		return nil, err
	}
	if len(to) == 0 && len(t.rows) > 0 {
		return nil, fmt.Errorf("workforce: aggregate columns: no new columns for %d rows: %w", len(t.rows), ErrShape)
	}
	if len(weights) != len(t.cols) {
		return nil, fmt.Errorf("workforce: aggregate columns: %d weight rows for %d columns: %w", len(weights), len(t.cols), ErrShape)
	}
	for j, w := range weights {
		if len(w) != len(to) {
			return nil, fmt.Errorf("workforce: aggregate columns: column %q has %d weights for %d new columns: %w", t.cols[j], len(w), len(to), ErrShape)
		}
		for k, x := range w {
			if !finiteNonNeg(x) {
				return nil, fmt.Errorf("workforce: aggregate columns: weight of %q in %q = %v: %w", t.cols[j], to[k], x, ErrBadValue)
			}
		}
	}
	if err := t.missing("aggregate columns"); err != nil {
		return nil, err
	}
	c, nc := len(t.cols), len(to)
	v := make([]float64, len(t.rows)*nc)
	for i := range t.rows {
		for j := range c {
			x := t.v[i*c+j]
			for k, w := range weights[j] {
				v[i*nc+k] += x * w
			}
		}
		for k := range nc {
			if math.IsInf(v[i*nc+k], 1) {
				return nil, fmt.Errorf("workforce: aggregate columns: cell (%q, %q) overflows: %w", t.rows[i], to[k], ErrBadValue)
			}
		}
	}
	if len(t.rows) == 0 { // the empty table stays empty: no columns without rows
		return newTableOwned(nil, nil, nil, t.sources), nil
	}
	return newTableOwned(t.rows, slices.Clone(to), v, t.sources), nil
}

// SplitSections returns the table with each row labelled by a range of
// ISIC sections ("B-F", see [ParseSectors]) split into one row per
// section, so that a table from a statistics office that publishes
// aggregates (agriculture "A", industry "B-F", services "G-U") can serve
// where section rows are needed, such as [Scenario].Workforce. Rows
// labelled by one section ("J", "j" or " J ") are kept, relabelled as
// [Sector.String] prints them, whether or not by has them.
//
// The split follows by, a table with a row per section (such as
// [DefaultEmployment]): a range's row is divided among its sections in
// proportion to their row totals in by, every column alike. So each
// section of an aggregate gets the aggregate's column mix (its occupation
// or skill structure), which is an assumption: say so wherever the result
// is used. The result carries the sources of t and of by.
//
// A row label that is neither a section nor a range, two rows that cover
// the same section, or a section missing from by are errors wrapping
// [ErrUnknownCode]; a range whose sections have a total of zero, or a
// missing or overflowing total in by, wraps [ErrBadValue]. Missing cells
// of t stay missing in every section they are split into.
func (t *Table) SplitSections(by *Table) (*Table, error) {
	t, by = t.orEmpty(), by.orEmpty()
	byTot := by.RowTotals()
	c := len(t.cols)
	var rows []string
	var v []float64
	var seen [NumSectors + 1]bool
	for i, l := range t.rows {
		secs, err := ParseSectors(l)
		if err != nil {
			return nil, nest(err, fmt.Sprintf("workforce: split sections: row %q", l))
		}
		w := make([]float64, len(secs))
		sum := 0.0
		for k, x := range secs {
			if seen[x] {
				return nil, fmt.Errorf("workforce: split sections: row %q covers section %v again: %w", l, x, ErrUnknownCode)
			}
			seen[x] = true
			if len(secs) == 1 {
				break // a single section is kept as it is
			}
			j := slices.IndexFunc(by.rows, func(b string) bool { y, ok := sectorLetter(strings.TrimSpace(b)); return ok && y == x })
			if j < 0 {
				return nil, fmt.Errorf("workforce: split sections: row %q: section %v is not a row of the table to split by: %w", l, x, ErrUnknownCode)
			}
			if !finiteNonNeg(byTot[j]) {
				return nil, fmt.Errorf("workforce: split sections: row %q: section %v has a total of %v in the table to split by: %w", l, x, byTot[j], ErrBadValue)
			}
			w[k] = byTot[j]
			sum += w[k]
		}
		if len(secs) > 1 && !(sum > 0 && sum <= math.MaxFloat64) {
			return nil, fmt.Errorf("workforce: split sections: row %q: its sections total %v in the table to split by: %w", l, sum, ErrBadValue)
		}
		for k, x := range secs {
			rows = append(rows, x.String())
			share := 1.0
			if len(secs) > 1 {
				share = w[k] / sum
			}
			for _, cell := range t.v[i*c : (i+1)*c] {
				v = append(v, cell*share)
			}
		}
	}
	src := append(slices.Clone(t.sources), by.sources...)
	if len(rows) == 0 {
		return newTableOwned(nil, nil, nil, src), nil
	}
	return newTableOwned(rows, slices.Clone(t.cols), v, src), nil
}

// SkillLevels aggregates a table whose columns are ISCO-08 major group codes
// ("0" to "9", as [Occupation.String] prints them) into the four ILO skill
// levels "1" to "4", dividing groups 0 and 1 by m (see [SkillMap]; the zero
// SkillMap splits evenly). A column that is not an occupation code is an
// error wrapping [ErrUnknownCode].
func (t *Table) SkillLevels(m SkillMap) (*Table, error) {
	t = t.orEmpty()
	w := make([][]float64, len(t.cols))
	for j, l := range t.cols {
		o, err := ParseOccupation(l)
		if err != nil {
			return nil, nest(err, fmt.Sprintf("workforce: skill levels: column %q", l))
		}
		s, err := m.Split(o)
		if err != nil {
			return nil, err
		}
		w[j] = s[:]
	}
	return t.AggregateCols([]string{"1", "2", "3", "4"}, w)
}

// Bands aggregates a table whose columns are skill levels "1" to "4" into
// the broad bands "low", "medium" and "high". A column that is not a skill
// level is an error wrapping [ErrUnknownCode].
func (t *Table) Bands() (*Table, error) {
	t = t.orEmpty()
	w := make([][]float64, len(t.cols))
	for j, l := range t.cols {
		k, err := ParseSkillLevel(l)
		if err != nil {
			return nil, nest(err, fmt.Sprintf("workforce: bands: column %q", l))
		}
		w[j] = make([]float64, NumBands)
		w[j][k.Band()-1] = 1
	}
	return t.AggregateCols([]string{"low", "medium", "high"}, w)
}

// Sources returns the sources of the table's figures, in a new slice.
func (t *Table) Sources() []exodus.Source { return slices.Clone(t.orEmpty().sources) }

// WithSources returns a copy of the table with src appended to its sources.
func (t *Table) WithSources(src ...exodus.Source) *Table {
	t = t.orEmpty()
	u := *t
	u.sources = append(slices.Clip(slices.Clone(t.sources)), src...)
	return &u
}

// Equal reports whether t and u have the same labels and cells (missing
// cells equal each other). Sources are not compared. A nil table equals an
// empty one.
func (t *Table) Equal(u *Table) bool {
	t, u = t.orEmpty(), u.orEmpty()
	if !slices.Equal(t.rows, u.rows) || !slices.Equal(t.cols, u.cols) || len(t.v) != len(u.v) {
		return false
	}
	for k, x := range t.v {
		y := u.v[k]
		if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
			return false
		}
	}
	return true
}

// String formats the table as aligned text, one line per row, with the
// column labels on the first line, cells in the shortest exact form and
// missing cells as "·". It is meant for reading, not parsing; see
// [Table.WriteCSV]. The empty table prints as "".
func (t *Table) String() string {
	t = t.orEmpty()
	if len(t.rows) == 0 && len(t.cols) == 0 {
		return ""
	}
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, l := range t.cols {
		fmt.Fprintf(w, "\t%s", l)
	}
	fmt.Fprintln(w, "\t")
	c := len(t.cols)
	for i, l := range t.rows {
		fmt.Fprint(w, l)
		for _, x := range t.v[i*c : (i+1)*c] {
			if math.IsNaN(x) {
				fmt.Fprint(w, "\t·")
			} else {
				fmt.Fprint(w, "\t"+strconv.FormatFloat(x, 'g', -1, 64))
			}
		}
		fmt.Fprintln(w, "\t")
	}
	_ = w.Flush() // writes to a strings.Builder cannot fail
	return strings.TrimRight(b.String(), "\n")
}
