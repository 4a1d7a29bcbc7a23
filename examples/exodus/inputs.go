package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/exodus-lab/exodus/finance"
	"github.com/exodus-lab/exodus/workforce"
)

// maxInputFile bounds what -rates and -workforce read.
const maxInputFile = 64 << 20

// inputs are the data the report is built from.
type inputs struct {
	rates      *finance.Rates   // official rates: embedded, or -rates FILE
	ratesFile  string           // "" for the embedded rates
	workforce  *workforce.Table // sector × skill level, in persons; nil: the embedded default
	employment string           // what workforce is, for the report
}

func loadInputs(cfg config) (inputs, error) {
	in := inputs{rates: finance.DefaultRates()}
	if cfg.rates != "" {
		data, err := readFile(cfg.rates)
		if err != nil {
			return inputs{}, fmt.Errorf("-rates: %w", err)
		}
		rs, err := finance.ParseRates(bytes.NewReader(data))
		if err != nil {
			return inputs{}, fmt.Errorf("-rates %s: %w", cfg.rates, err)
		}
		if in.rates, err = finance.NewRates(rs...); err != nil {
			return inputs{}, fmt.Errorf("-rates %s: %w", cfg.rates, err)
		}
		in.ratesFile = cfg.rates
	}
	if cfg.workforce != "" {
		data, err := readFile(cfg.workforce)
		if err != nil {
			return inputs{}, fmt.Errorf("-workforce: %w", err)
		}
		occ, err := workforce.ReadCSV(bytes.NewReader(data))
		if err != nil {
			return inputs{}, fmt.Errorf("-workforce %s: %w", cfg.workforce, err)
		}
		if err := checkWorkforce(occ); err != nil {
			return inputs{}, fmt.Errorf("-workforce %s: %w", cfg.workforce, err)
		}
		skills, err := occ.SkillLevels(workforce.SkillMap{})
		if err != nil {
			return inputs{}, fmt.Errorf("-workforce %s: %w", cfg.workforce, err)
		}
		in.workforce = skills
		in.employment = cfg.workforce
	}
	return in, nil
}

// checkWorkforce checks that rows are ISIC sections, and columns ISCO-08
// major groups, so that a mislabelled file fails with a clear message.
func checkWorkforce(t *workforce.Table) error {
	rows, cols := t.Dims()
	if rows == 0 || cols == 0 {
		return fmt.Errorf("empty table")
	}
	for _, r := range t.Rows() {
		if _, err := workforce.ParseSector(r); err != nil {
			return fmt.Errorf("row %q: %w", r, err)
		}
	}
	for _, c := range t.Cols() {
		if _, err := workforce.ParseOccupation(c); err != nil {
			return fmt.Errorf("column %q: %w", c, err)
		}
	}
	for i, r := range t.Rows() {
		for j, c := range t.Cols() {
			if t.Missing(i, j) {
				return fmt.Errorf("row %q, column %q: missing value", r, c)
			}
			if v := t.At(i, j); v > maxPersons {
				return fmt.Errorf("row %q, column %q: %g persons is more than the world's population", r, c, v)
			}
		}
	}
	if !(t.Total() > 0) {
		return fmt.Errorf("no one employed: every cell is zero")
	}
	return nil
}

// maxPersons bounds one cell of a -workforce file: more people than live
// on Earth is a unit error (thousands read as persons, say), not data.
const maxPersons = 1e10

func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInputFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInputFile {
		return nil, fmt.Errorf("%s: larger than %d MiB", path, maxInputFile>>20)
	}
	return data, nil
}
