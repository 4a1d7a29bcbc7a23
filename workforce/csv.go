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
// non-negative.
//
// Errors wrap [ErrSyntax] (malformed CSV, a bad number, ragged records, an
// empty or duplicate row or column label) or [ErrBadValue] (a negative or
// infinite number, or a row, column or grand total beyond the float64
// range, as for [NewTable]), and give the line; a duplicate label's error names the
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
	cols := make([]string, len(head)-1)
	for j, c := range head[1:] {
		cols[j] = strings.TrimSpace(c)
	}
	colField := make(map[string]int, len(cols))
	for j, c := range cols {
		if c == "" {
			return nil, fmt.Errorf("workforce: read csv: line %d, field %d: empty column label: %w", headLine, j+2, ErrSyntax)
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
			if err != nil || math.IsNaN(x) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: number %q: %w", line, cols[j], f, ErrSyntax)
			}
			if !finiteNonNeg(x) {
				return nil, fmt.Errorf("workforce: read csv: line %d, column %q: %v: %w", line, cols[j], x, ErrBadValue)
			}
			v = append(v, x+0) // -0 + 0 is 0: no signed zeros
		}
	}
	if err := checkTotals("read csv", rows, cols, v); err != nil {
		return nil, err
	}
	return newTableOwned(rows, cols, v, nil), nil
}

// WriteCSV writes the table as CSV: a header record with corner (naming the
// row dimension, such as "sector") and the column labels, then one record
// per row. Cells are written in the shortest form that reads back exactly;
// missing cells as empty fields. Sources are not written. A corner or row
// label starting with '#' would read back as a comment, so it is an error
// wrapping [ErrUnknownCode].
func (t *Table) WriteCSV(w io.Writer, corner string) error {
	t = t.orEmpty()
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
