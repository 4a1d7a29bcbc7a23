// Command exodus reproduces the figures of the article "Decoding the Mass
// Departure from Russia: Who's Leaving and Where are They Heading?" (2023)
// end to end, from the data embedded in the exodus packages, as a report
// that cites every source:
//
//  1. the sources;
//  2. how many left: each source's estimate, the pooled estimate with its
//     method and whether the sources disagree, and the cross-check "1.5% of
//     the labour force";
//  3. who left: whole people by economic sector (ISIC Rev.4 / OKVED2
//     section) and ILO skill level that add up exactly, each with its 90%
//     interval, and the share of each sector's workforce that left;
//  4. the money: 1.2 trillion roubles in USD, GBP, EUR and CNY at official
//     Central Bank of Russia rates of the day, and at the rates the article's
//     "£12bn / $15bn" implies.
//
// Usage:
//
//	go run ./examples/exodus [flags]
//
// The flags:
//
//	-format text|csv|json  output format (default text). csv is the sector ×
//	                       skill headcount table only; json is the whole
//	                       report in the schema "exodus-report/1" (see
//	                       schema.go).
//	-svg FILE, -png FILE   also draw headcounts by sector with their 90%
//	                       intervals as an SVG or PNG chart.
//	-draws N               Monte Carlo draws, 100 to 1000000 (default
//	                       100000; a million need about 2 GB of memory).
//	-seed N                random seed (default 1). The same flags and seed
//	                       give byte-identical output.
//	-total N | LO-HI       the number who left, as a point or a 90% interval,
//	                       instead of the pooled estimate.
//	-share S | LO-HI       the share of the labour force who left (0.015 or
//	                       1.5%), as a point or a 90% interval, instead of the
//	                       pooled estimate.
//	-date YYYY-MM-DD       the day whose official rates convert the money
//	                       (default 2022-03-15).
//	-rates FILE            a Central Bank of Russia XML_daily / XML_dynamic
//	                       file or an ECB eurofxref file, used instead of the
//	                       embedded official rates. A currency with no rate
//	                       on the day or in the 31 days before is noted as
//	                       missing; with none of USD, GBP, EUR and CNY, the
//	                       command fails.
//	-workforce FILE        a CSV of employment by sector (rows: ISIC section
//	                       letters) × ISCO-08 major group (columns 0–9), in
//	                       persons, first column a label, # comment lines
//	                       allowed, instead of the embedded data for Russia;
//	                       give -total or -share with it.
//	-h                     the flags; exit status 0.
//
// A bad flag or input file stops the command before anything is written,
// with one line on stderr that names the problem, and exit status 1.
//
// # The JSON report
//
// -format json writes one object in the schema "exodus-report/1". Fields
// are only ever added to it: none is removed, renamed or changes meaning
// without a new schema name.
//
//	schema      "exodus-report/1"
//	settings    seed, draws, level (0.9), date (of the official rates),
//	            pool_method, rates and workforce ("embedded" or the file)
//	sources     [{id, publisher, title, url, date, note}]
//	emigrants   estimates: [figure], one per source; pooled: figure;
//	            alternatives: [figure], the same sources by other pools;
//	            agreement: {q, df, p, i2, disjoint: [[i, j]] (indexes into
//	            estimates), verdict}; cross_check: {share: figure, base,
//	            base_sources, people: figure}
//	headcounts  basis, total, lo, hi; assumptions and comparisons:
//	            [{text, sources}]; skill_levels: [{skill_level, count,
//	            lo, hi}]; sectors: [{sector, sector_title, count, lo, hi,
//	            sector_workforce, share_of_sector_workforce,
//	            share_of_sector_workforce_lo, share_of_sector_workforce_hi,
//	            cells: [{skill_level, count, lo, hi,
//	            share_of_sector_workforce}]}]; notes: [string]; names as in
//	            the workforce package's headcount table ("go doc
//	            ./workforce"), lo and hi whole people enclosing count
//	money       amount, compact, sources, conversions: [conversion],
//	            usd_path: [conversion] (USD at each official rate at hand
//	            for February–March 2022)
//
// A figure is {name, claim, median, lo, hi, text, reading, pooled, note,
// sources, method, weight}: "pooled" says whether a source's estimate
// entered the pool, and "weight" is its weight there. A conversion is
// {currency, basis ("official" or "article"), exact, compact, rate,
// rate_date, note, sources}; a conversion with no rate has only currency,
// basis and a note. A figure's claim, reading, note, sources, method and
// weight, and a conversion's fields but currency and basis, are left out
// when empty.
//
// "sources" in any object lists ids in the top-level "sources". People are
// persons: counts are whole numbers that add up exactly, lo and hi the
// unrounded ends of central 90% intervals. Shares are fractions (0.015 is
// 1.5%). Money is exact decimal text ("15000000000.00 USD") beside a
// headline form ("$15bn"); rates are roubles per unit. Dates are
// YYYY-MM-DD. Lists are [] when empty, never null; a number that cannot be
// computed (the share of a sector that employs no one, say) is null.
//
// On a long run a progress bar appears on stderr when stderr is a terminal.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp): // -h: the usage is written
	case err != nil:
		fmt.Fprintln(os.Stderr, "exodus:", err)
		os.Exit(1)
	}
}

// run parses args, builds the report and writes it to stdout. Nothing is
// written to stdout or to a chart file unless the whole report was built.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	in, err := loadInputs(cfg)
	if err != nil {
		return err
	}
	rep, err := buildReport(ctx, cfg, in, progressBar(stderr))
	if err != nil {
		return err
	}
	out, err := render(rep, cfg.format, cfg.table)
	if err != nil {
		return err
	}
	charts, err := renderCharts(rep, cfg)
	if err != nil {
		return err
	}
	// Charts go to temporary files first and into place only after the
	// report has reached stdout: a report that cannot be written leaves no
	// chart behind (issue 13 row 17).
	staged, err := stageFiles(charts)
	if err != nil {
		return err
	}
	if _, err := stdout.Write(out); err != nil {
		staged.discard()
		return fmt.Errorf("write report: %w", err)
	}
	return staged.commit()
}

// staged holds charts written to temporary files beside their paths.
type staged struct {
	files []chartFile
	temps []string
}

// chartErr names the chart, not the temporary file an error came from.
func chartErr(path string, err error) error {
	if pe, ok := errors.AsType[*os.PathError](err); ok {
		err = pe.Err
	} else if le, ok := errors.AsType[*os.LinkError](err); ok {
		err = le.Err
	}
	return fmt.Errorf("write chart %s: %w", path, err)
}

// discard removes every temporary file.
func (s *staged) discard() {
	for _, t := range s.temps {
		os.Remove(t)
	}
}

// stageFiles writes every chart to a temporary file beside its path; on an
// error none is left.
func stageFiles(files []chartFile) (*staged, error) {
	s := &staged{files: files}
	for _, c := range files {
		f, err := os.CreateTemp(filepath.Dir(c.path), "."+filepath.Base(c.path)+".*")
		if err != nil {
			s.discard()
			return nil, chartErr(c.path, err)
		}
		s.temps = append(s.temps, f.Name())
		_, err = f.Write(c.data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(f.Name(), 0o644)
		}
		if err != nil {
			s.discard()
			return nil, chartErr(c.path, err)
		}
	}
	return s, nil
}

// commit renames every staged chart into place.
func (s *staged) commit() error {
	for i, c := range s.files {
		if err := os.Rename(s.temps[i], c.path); err != nil {
			s.discard()
			return chartErr(c.path, err)
		}
	}
	return nil
}
