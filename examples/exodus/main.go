// Command exodus reproduces the figures of the article "Decoding the Mass
// Departure from Russia: Who's Leaving and Where are They Heading?" (2023)
// end to end, from the data embedded in the exodus packages, as a report
// that cites every source and keeps assumptions (inputs) apart from findings
// (outputs):
//
//  1. the sources, each with publisher, title, date and address;
//  2. how many left: each source's figure with the period it covers and what
//     it counts; the pooled estimate of one defined quantity, from the sources
//     that measure it, and whether they disagree; the others as context, with
//     the reason; the cross-check "1.5% of the labour force";
//  3. who left: whole people by economic sector (ISIC Rev.4 / OKVED2
//     section) and ILO skill level, from the sourced sector profile of the
//     emigrants, each with its 90% interval, the share of each sector's
//     workforce that left, and section J under both mappings of IT workers;
//  4. where they went: people by destination country, from host-country
//     statistics, with the sources' own figures and definitions, and the
//     largest destinations by sector;
//  5. what it costs: the wage bill, the value added at risk and the
//     economy-wide effect (input–output multipliers) by sector, in roubles of
//     a year, as a share of GDP and in dollars, with the method's caveats and
//     the staff-shortage indicators for context;
//  6. the money: the 1.2 trillion roubles withdrawn in February 2022 at the
//     month's average official rates, with the range of rates in force, and the
//     article's "£12bn / $15bn" beside the two readings that fit it.
//
// Usage:
//
//	go run ./examples/exodus [flags]
//
// The flags:
//
//	-format text|csv|json  output format (default text). csv is one table
//	                       (see -table); json is the whole report in the
//	                       schema "exodus-report/2" (below).
//	-table NAME            the table -format csv writes: headcounts (the
//	                       sector × skill table in the columns of
//	                       workforce.HeadcountCSVHeader; the default),
//	                       destinations, destination-sectors or costs.
//	-svg FILE, -png FILE   also draw headcounts by sector as an SVG or PNG
//	                       chart, and beside it FILE-destinations and
//	                       FILE-costs (people by destination, value added at
//	                       risk by sector), whiskers at 90% intervals.
//	-draws N               Monte Carlo draws, 100 to 1000000 (default
//	                       100000).
//	-seed N                random seed (default 1). The same flags and seed
//	                       give byte-identical output.
//	-total N | LO-HI       the number who left, as a point or a 90% interval,
//	                       instead of the pooled estimate: 800000, 800k, 1.3M,
//	                       600k-1M (estimate.ParseRange).
//	-share S | LO-HI       the share of the labour force who left (0.015, 1.5%,
//	                       1,5% or 1.25%-1.75%), instead of the pooled estimate.
//	-year Y                the year whose wages and value added price the
//	                       departures, 2019 to 2024 (default 2022).
//	-basis wages|compensation  labour income per person: Rosstat's wage of
//	                       employees of organisations (default) or national
//	                       accounts compensation per employed person.
//	-no-multipliers        leave out the economy-wide effect.
//	-date YYYY-MM-DD       also convert the money at the rates in force on
//	                       that day (a rate at most 14 days older is used;
//	                       each line says its rate's own date).
//	-rates FILE            a Central Bank of Russia XML_daily / XML_dynamic
//	                       file or an ECB eurofxref file, used instead of the
//	                       embedded rates. Without -date, its latest day is
//	                       the day. A currency with no rate is noted as
//	                       missing, and a month with missing days has no
//	                       average; with no rate at all on the day, the
//	                       command fails.
//	-workforce FILE        a CSV of employment by sector (rows: ISIC section
//	                       letters) × ISCO-08 major group (columns 0–9), in
//	                       persons, first column a label, # comment lines
//	                       allowed, instead of the embedded data for Russia;
//	                       give -total or -share with it. Russia's surveys,
//	                       destinations and costs are then not applied.
//	-h                     the flags; exit status 0.
//
// A bad flag or input file stops the command before anything is written,
// with one line on stderr that names the problem, and exit status 1. Charts
// are put in place only after the report has reached stdout.
//
// # The JSON report
//
// -format json writes one object in the schema "exodus-report/2". Fields
// are only ever added to it: none is removed, renamed or changes meaning
// without a new schema name. (exodus-report/1 had money as text, one
// conversion day and no destinations or costs.)
//
//	schema       "exodus-report/2"
//	settings     seed, draws, level (0.9), date (the -date day, or ""),
//	             pool_method, rates and workforce ("embedded" or the file)
//	sources      [{id, publisher, title, url, date, note}]
//	summary      assumptions and findings: [{text, section, sources}]
//	emigrants    quantity (what the pool measures); estimates: [figure],
//	             one per source; pooled: figure; alternatives: [figure], the
//	             same sources by other pools; agreement: {q, df, p, i2,
//	             disjoint: [[i, j]] (indexes into estimates), verdict};
//	             cross_check: {share: figure, base, base_sources, people: figure}
//	headcounts   basis, total, lo, hi; assumptions and comparisons:
//	             [{text, sources}]; findings: [string]; it_mappings:
//	             [{mapping, count, lo, hi, share_of_sector_workforce}];
//	             skill_levels: [{skill_level, count, lo, hi}]; sectors:
//	             [{sector, sector_title, count, lo, hi, sector_workforce,
//	             share_of_sector_workforce, share_of_sector_workforce_lo,
//	             share_of_sector_workforce_hi, cells: [{skill_level, count,
//	             lo, hi, share_of_sector_workforce}]}]; notes: [string]
//	destinations note (why none), assumption, assumption_sources; rows:
//	             [{code, name, count, lo, hi, share, central, low, high,
//	             mixed_definitions}], each of central, low and high a
//	             {value, period, definition, sources}; by_sector: [{code,
//	             name, sectors: [{code, count, lo, hi}]}]; context:
//	             [{text, sources}]
//	costs        note (why none), year, basis, economy_wide (bool), method,
//	             sources; sectors: [cost] and total: cost, each cost {code,
//	             title, people, remote, wage_bill, value_added,
//	             economy_wide, flag} of {point, lo, hi, usd}; share_of_gdp:
//	             {wage_bill, value_added, economy_wide}; gdp; usd_rate:
//	             {rate, date, basis, amount, compact}; usd_sources; usd_note;
//	             notes: [string]; context: [{text, sources}]
//	money        amount, compact, what, sources, period: {start, end},
//	             weighting; average: [{currency, basis, rate, days, amount,
//	             compact, low, high, note, sources}], low and high each
//	             {rate, date, basis, amount, compact}; article: [{currency,
//	             printed, at_average, difference, implied, implied_date,
//	             implied_basis, amount, sources}]; day: [{currency, on,
//	             basis, rate, rate_date, age, amount, compact, note, sources}]
//
// A figure is {name, claim, period, counts, median, lo, hi, text, reading,
// pooled, note, sources, method, weight}: "pooled" says whether a source's
// estimate entered the pool, "weight" is its weight there, and "note" says
// why a figure is context only. Empty strings and lists inside a figure or a
// conversion are left out.
//
// "sources" in any object lists ids in the top-level "sources". People are
// persons: counts are whole numbers that add up exactly, and lo and hi of a
// count are whole people that enclose it. Shares are fractions (0.015 is
// 1.5%). Money is {"amount": "15000000000.00", "currency": "USD"}, as
// finance.Amount encodes it, beside a headline form ("$15bn"); a rate is
// written "1 USD = 77.4048 RUB"; a basis is official, reported or derived.
// Costs are roubles of costs.year, as floats (Monte Carlo statistics, not
// exact money). Dates are YYYY-MM-DD. Lists are [] when empty, never null;
// a number that cannot be computed is null.
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
	"runtime/debug"
)

func main() {
	// The draws of a run are a few large arrays without pointers, cheap
	// for the collector to mark, and each interval is found in a
	// short-lived copy of its draws: collecting at 10% growth instead of
	// the default 100% keeps the peak memory near what the run holds
	// (issue 12 §5). GOGC, if set, wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(10)
	}
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
