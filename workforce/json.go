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
