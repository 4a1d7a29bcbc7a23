package workforce

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ReadCSV reads a table in the form [Table.WriteCSV] writes: a header
// record whose first field is ignored (it names the row dimension) followed
// by the column labels, then one record per row, the row label followed by
// the cells. Spaces around row and column labels are trimmed (" A " is the
// row "A"), so labels that differ only in such spaces are duplicates. An
// empty field is a missing cell, and a cell of -0 reads as 0. Lines
// starting with '#' are comments. Numbers use strconv.ParseFloat syntax and must be finite and
// non-negative. A file must hold at least one column label and one row: a
// file with neither, a header alone or a header without column labels is
// not a table (the empty table has no CSV form). Labels follow the rules
// of [NewTable] once trimmed.
//
// Errors wrap [ErrSyntax] (malformed CSV, a bad number, ragged records, no
// column labels or no rows, an empty, duplicate or otherwise invalid row
// or column label) or [ErrBadValue] (a negative or infinite number, one
// beyond the float64 range (1e400), one with non-zero digits too small
// for float64 that would read as 0 (1e-400), or a row, column or grand
// total beyond the float64 range, as for [NewTable]), and give the line; a duplicate label's error names the
// label and both lines (rows) or both fields of the header (columns).
func ReadCSV(r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = 0
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("workforce: read csv: no header: %w", ErrSyntax)
		}
		return nil, fmt.Errorf("workforce: read csv: %w: %w", ErrSyntax, err)
	}
	headLine, _ := cr.FieldPos(0)
	if len(head) < 2 {
		return nil, fmt.Errorf("workforce: read csv: line %d: no column labels after the corner %q: %w", headLine, head[0], ErrSyntax)
	}
	cols := make([]string, len(head)-1)
	for j, c := range head[1:] {
		cols[j] = strings.TrimSpace(c)
	}
	colField := make(map[string]int, len(cols))
	for j, c := range cols {
		if c == "" {
			return nil, fmt.Errorf("workforce: read csv: line %d, field %d: empty column label: %w", headLine, j+2, ErrSyntax)
		}
		if p := labelProblem(c); p != "" {
			return nil, fmt.Errorf("workforce: read csv: line %d, field %d: column label %s: %w", headLine, j+2, p, ErrSyntax)
		}
		if first, dup := colField[c]; dup {
			return nil, fmt.Errorf("workforce: read csv: line %d: duplicate column label %q in fields %d and %d: %w", headLine, c, first, j+2, ErrSyntax)
		}
		colField[c] = j + 2
	}
	var rows []string
	rowLine := make(map[string]int)
	var v []float64
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("workforce: read csv: %w: %w", ErrSyntax, err)
		}
		line, _ := cr.FieldPos(0)
		rec[0] = strings.TrimSpace(rec[0])
		if rec[0] == "" {
			return nil, fmt.Errorf("workforce: read csv: line %d: empty row label: %w", line, ErrSyntax)
		}
		if p := labelProblem(rec[0]); p != "" {
			return nil, fmt.Errorf("workforce: read csv: line %d: row label %s: %w", line, p, ErrSyntax)
		}
		if first, dup := rowLine[rec[0]]; dup {
			return nil, fmt.Errorf("workforce: read csv: duplicate row label %q on lines %d and %d: %w", rec[0], first, line, ErrSyntax)
		}
		rowLine[rec[0]] = line
		rows = append(rows, rec[0])
		for j, f := range rec[1:] {
			if f == "" {
				v = append(v, math.NaN())
				continue
			}
			x, err := strconv.ParseFloat(f, 64)
			if errors.Is(err, strconv.ErrRange) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: number %q is beyond the float64 range: %w", line, cols[j], f, ErrBadValue)
			}
			if err != nil || math.IsNaN(x) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: number %q: %w", line, cols[j], f, ErrSyntax)
			}
			if x == 0 && nonZeroDigits(f) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: number %q is too small for float64 and would read as 0: %w", line, cols[j], f, ErrBadValue)
			}
			if !finiteNonNeg(x) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: number %q = %v: %w", line, cols[j], f, x, ErrBadValue)
			}
			v = append(v, x+0) // -0 + 0 is 0: no signed zeros
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("workforce: read csv: no data rows after the header on line %d: %w", headLine, ErrSyntax)
	}
	if err := checkTotals("read csv", rows, cols, v); err != nil {
		return nil, err
	}
	return newTableOwned(rows, cols, v, nil), nil
}

// nonZeroDigits reports whether the mantissa of s, a number that
// strconv.ParseFloat accepted, has a digit other than 0: if it reads as 0
// all the same, it underflowed (1e-400).
func nonZeroDigits(s string) bool {
	s = strings.TrimLeft(s, "+-")
	end, digits := "eE", "123456789"
	if len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s, end, digits = s[2:], "pP", "123456789abcdefABCDEF"
	}
	if k := strings.IndexAny(s, end); k >= 0 {
		s = s[:k]
	}
	return strings.ContainsAny(s, digits)
}

// WriteCSV writes the table as CSV: a header record with corner (naming the
// row dimension, such as "sector") and the column labels, then one record
// per row. Cells are written in the shortest form that reads back exactly;
// missing cells as empty fields. Sources are not written. A corner or row
// label starting with '#' would read back as a comment, so it is an error
// wrapping [ErrUnknownCode]. The empty table has no CSV form, as [ReadCSV]
// refuses a file without rows or columns: writing it is an error wrapping
// [ErrShape], and nothing is written.
func (t *Table) WriteCSV(w io.Writer, corner string) error {
	t = t.orEmpty()
	if len(t.rows) == 0 || len(t.cols) == 0 {
		return fmt.Errorf("workforce: write csv: a table with %d rows and %d columns has no CSV form: %w", len(t.rows), len(t.cols), ErrShape)
	}
	if strings.HasPrefix(corner, "#") {
		return fmt.Errorf("workforce: write csv: corner label %q starts with '#': %w", corner, ErrUnknownCode)
	}
	for _, l := range t.rows {
		if strings.HasPrefix(l, "#") {
			return fmt.Errorf("workforce: write csv: row label %q starts with '#': %w", l, ErrUnknownCode)
		}
	}
	cw := csv.NewWriter(w)
	rec := make([]string, 0, len(t.cols)+1)
	rec = append(append(rec, corner), t.cols...)
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("workforce: write csv: %w", err)
	}
	c := len(t.cols)
	for i, l := range t.rows {
		rec = append(rec[:0], l)
		for _, x := range t.v[i*c : (i+1)*c] {
			if math.IsNaN(x) {
				rec = append(rec, "")
			} else {
				rec = append(rec, strconv.FormatFloat(x, 'g', -1, 64))
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("workforce: write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("workforce: write csv: %w", err)
	}
	return nil
}
