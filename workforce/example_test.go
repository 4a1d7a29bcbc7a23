package workforce_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// Alfa Bank's "about 1.5% of the workforce", by sector and skill level,
// on the embedded default data.
func ExampleNewHeadcount() {
	share, _ := estimate.Point(0.015)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Share:      share.Named("Alfa Bank: about 1.5% of the workforce"),
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d people left\n", h.Total().N)
	fmt.Println("sector  level 1  level 2  level 3  level 4    total  % of sector")
	for _, s := range h.Sectors() {
		fmt.Printf("%-6s", s)
		for _, k := range workforce.SkillLevels() {
			fmt.Printf(" %8d", h.Cell(s, k).N)
		}
		fmt.Printf(" %8d  %6.2f%%\n", h.BySector(s).N, 100*h.BySector(s).Share())
	}
	fmt.Printf("%-6s", "total")
	for _, k := range workforce.SkillLevels() {
		fmt.Printf(" %8d", h.BySkill(k).N)
	}
	fmt.Printf(" %8d\n", h.Total().N)
	for _, b := range workforce.Bands() {
		fmt.Printf("%s skill: %d\n", b, h.ByBand(b).N)
	}
	// Output:
	// 1126500 people left
	// sector  level 1  level 2  level 3  level 4    total  % of sector
	// A         12666    45264     5538     6953    70421    1.57%
	// B           914    11878     2706     3272    18770    1.57%
	// C         14660    90927    20134    32716   158437    1.57%
	// D           915    12686     4798     6220    24619    1.57%
	// E          1348     6397     1425     2004    11174    1.57%
	// F         11603    58127    15026    18717   103473    1.57%
	// G         14459   129030    33691    32501   209681    1.57%
	// H          4804    67658     8185    10293    90940    1.57%
	// I          3550    17809     5393     2795    29547    1.57%
	// J           272     4863     4245    16261    25641    1.57%
	// K           301     4748     5339    10219    20607    1.57%
	// L          4525    11703     6868     6343    29439    1.57%
	// M           656     4393     7485    31976    44510    1.57%
	// N          3431    19743     3958     5875    33007    1.57%
	// O          3322    17079    11413    24944    56758    1.57%
	// P          7157    13125     3578    59431    83291    1.57%
	// Q          3879    10531    31526    24321    70257    1.57%
	// R          1811     2794     4407     9372    18384    1.57%
	// S           982    19786     3085     2740    26593    1.57%
	// T           351      479       20       20      870    1.57%
	// U             3       13        4       61       81    1.57%
	// total     91609   549033   178824   307034  1126500
	// low skill: 91609
	// medium skill: 549033
	// high skill: 485858
}

// When the composition is uncertain, each cell gets an interval.
func ExampleNewHeadcount_uncertain() {
	total, _ := estimate.Between(600_000, 1_000_000) // Forbes, The Bell, RTVi
	bands, _ := estimate.DirichletMean([]float64{0.05, 0.15, 0.80}, 100)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      total,
		Bands:      bands, // about 80% with a degree (OutRush survey)
		MonteCarlo: estimate.Options{Draws: 2000, Seed: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := h.Cell(workforce.Information, workforce.Skill4).Interval()
	fmt.Printf("total %d; J, level 4: %d (90%%: %.0fk–%.0fk)\n", h.Total().N, h.Cell(workforce.Information, workforce.Skill4).N, lo/1000, hi/1000)
	fmt.Printf("high skill: %d\n", h.ByBand(workforce.High).N)
	// Output:
	// total 774597; J, level 4: 20739 (90%: 16k–27k)
	// high skill: 619678
}

// Surveys give the share of one sector only: IT workers were 27% to 45%
// of respondents (ZOiS 2022; OK Russians 2022). The other sectors share the
// rest like the workforce.
func ExampleNewHeadcount_sectorFocus() {
	share, _ := estimate.Point(0.015)
	it, _ := estimate.ShareBetween(0.27, 0.45)
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Share:       share,
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: it},
		MonteCarlo:  estimate.Options{Draws: 2000, Seed: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := h.BySector(workforce.Information).Interval()
	fmt.Printf("J: %d people (90%%: %.0fk–%.0fk), %.0f%% of the sector\n", h.BySector(workforce.Information).N, lo/1000, hi/1000, 100*h.BySector(workforce.Information).Share())
	fmt.Printf("C: %d people, %.2f%% of the sector\n", h.BySector(workforce.Manufacturing).N, 100*h.BySector(workforce.Manufacturing).Share())
	// Output:
	// J: 399775 people (90%: 303k–506k), 24% of the sector
	// C: 104592 people, 1.03% of the sector
}

func ExampleHeadcount_Notes() {
	share, _ := estimate.Point(0.015)
	h, _ := workforce.NewHeadcount(context.Background(), workforce.Scenario{Share: share, MonteCarlo: estimate.Options{Draws: 1000}})
	for _, n := range h.Notes() {
		fmt.Println(n)
	}
	// Output:
	// total: share 0.015 of base labour force, November 2022 = 75.1M
	// workforce: default 2022 (Rosstat section totals, ILOSTAT occupation mix within sections, ISCO-08 groups mapped to ILO skill levels, managers split evenly between levels 3 and 4)
	// sector composition: same as the workforce
	// skill composition: same as the workforce
	// Monte Carlo: 1000 draws, seed 0; intervals equal-tailed at 90%
}

func ExampleApportion() {
	// Votes 6100, 5000 and 900 for 10 seats.
	votes := []float64{6100, 5000, 900}
	for _, m := range []workforce.ApportionMethod{workforce.Hamilton, workforce.SainteLague, workforce.DHondt, workforce.HuntingtonHill} {
		seats, _ := workforce.Apportion(10, votes, m)
		fmt.Println(m, seats)
	}
	// Output:
	// Hamilton [5 4 1]
	// Sainte-Laguë [5 4 1]
	// D'Hondt [6 4 0]
	// Huntington–Hill [5 4 1]
}

func ExampleApportionMin() {
	// At least 2 seats for the small party.
	seats, _ := workforce.ApportionMin(10, []float64{6100, 5000, 900}, []int64{0, 0, 2}, workforce.DHondt)
	fmt.Println(seats)
	// Output:
	// [4 4 2]
}

func ExampleFit() {
	// The worked example of Wikipedia's "Iterative proportional fitting".
	seed := workforce.MustNewTable(
		[]string{"1", "2", "3", "4"}, []string{"1", "2", "3", "4"},
		[][]float64{{40, 30, 20, 10}, {35, 50, 100, 75}, {30, 80, 70, 120}, {20, 30, 40, 50}})
	fit, rep, err := workforce.Fit(seed, []float64{150, 300, 400, 150}, []float64{200, 300, 400, 100}, workforce.FitOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f\n", fit.Row(0)) // Wikipedia: 64.5585, 46.2325, 35.3843, 3.82473
	fmt.Println("converged:", rep.Converged, "error below 1e-10:", rep.MaxError < 1e-10)
	// Output:
	// [64.5585 46.2325 35.3843 3.8247]
	// converged: true error below 1e-10: true
}

// Emigrants by sector × skill × destination country, a 2×2×3 array,
// fitted to known sector × skill totals and to arrivals by country. The
// seed is flat except for a structural zero (no medium-skill IT workers
// recorded in Armenia), which stays zero.
func ExampleFitN() {
	sectors, skills := []string{"C", "J"}, []string{"medium", "high"}
	countries := []string{"Georgia", "Armenia", "Kazakhstan"}
	seed := []float64{
		1, 1, 1, // C, medium: Georgia, Armenia, Kazakhstan
		1, 1, 1, // C, high
		1, 0, 1, // J, medium: none in Armenia
		1, 1, 1, // J, high
	}
	shape := []int{len(sectors), len(skills), len(countries)}
	x, rep, err := workforce.FitN(seed, shape, []workforce.Margin{
		{Dims: []int{0, 1}, Values: []float64{300, 200, 100, 400}}, // sector × skill
		{Dims: []int{2}, Values: []float64{450, 350, 200}},         // country
	}, workforce.FitOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%-10s %8s %8s %10s\n", "", countries[0], countries[1], countries[2])
	for i, s := range sectors {
		for j, k := range skills {
			c := (i*len(skills) + j) * len(countries)
			fmt.Printf("%-10s %8.1f %8.1f %10.1f\n", s+" "+k, x[c], x[c+1], x[c+2])
		}
	}
	fmt.Printf("converged in %d iterations, margin error below 1e-10 of the total: %v\n", rep.Iterations, rep.MaxError < 1e-10)

	// Arrivals that add up to 900, not 1000: an error, not a fit.
	_, _, err = workforce.FitN(seed, shape, []workforce.Margin{
		{Dims: []int{0, 1}, Values: []float64{300, 200, 100, 400}},
		{Dims: []int{2}, Values: []float64{450, 250, 200}},
	}, workforce.FitOptions{})
	fmt.Println(errors.Is(err, workforce.ErrInconsistent))
	// Output:
	//             Georgia  Armenia Kazakhstan
	// C medium      126.9    116.7       56.4
	// C high         84.6     77.8       37.6
	// J medium       69.2      0.0       30.8
	// J high        169.2    155.6       75.2
	// converged in 8 iterations, margin error below 1e-10 of the total: true
	// true
}

func ExampleControlledRound() {
	t := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{10.4, 20.3, 15.6, 3.7}, {0.5, 2.5, 7.5, 40.5}})
	r, _ := workforce.ControlledRound(t, 1)
	fmt.Println(r.Values(), r.RowTotals(), r.ColTotals(), r.Total())
	fmt.Printf("%.1f %.1f %.1f\n", t.RowTotals(), t.ColTotals(), t.Total())
	// Output:
	// [[10 20 16 4] [0 2 8 41]] [50 51] [10 22 24 45] 101
	// [50.0 51.0] [10.9 22.8 23.1 44.2] 101.0
}

func ExampleControlledRound_base() {
	// Publish to the nearest 5, still adding up.
	t := workforce.MustNewTable([]string{"a", "b"}, []string{"x", "y"}, [][]float64{{12, 7}, {3, 21}})
	r, _ := workforce.ControlledRound(t, 5)
	fmt.Println(r.Values(), r.Total())
	// Output:
	// [[10 5] [5 20]] 40
}

func ExampleParseSector() {
	s, _ := workforce.ParseSector("j")
	fmt.Println(s, s.Title())
	fmt.Println(s.TitleRU())
	_, err := workforce.ParseSector("V")
	fmt.Println(err)
	// Output:
	// J Information and communication
	// Деятельность в области информации и связи
	// workforce: parse sector "V": unknown code
}

func ExampleParseOccupation() {
	o, _ := workforce.ParseOccupation("1")
	fmt.Println(o, o.Title(), o.SkillLevels())
	// Output:
	// 1 Managers [3 4]
}

func ExampleParseSkillLevel() {
	k, _ := workforce.ParseSkillLevel("3")
	fmt.Println(k, k.Band())
	// Output:
	// 3 high
}

func ExampleParseBand() {
	b, _ := workforce.ParseBand("High")
	fmt.Println(b, b.SkillLevels())
	// Output:
	// high [3 4]
}

func ExampleSkillMap_Split() {
	// Chief executives and most managers are at level 4: weigh 1:3.
	split, _ := workforce.SkillMap{Managers: [2]float64{1, 3}}.Split(workforce.Managers)
	fmt.Println(split)
	even, _ := workforce.SkillMap{}.Split(workforce.Managers)
	fmt.Println(even)
	// Output:
	// [0 0 0.25 0.75]
	// [0 0 0.5 0.5]
}

func ExampleNewTable() {
	t, _ := workforce.NewTable([]string{"C", "J"}, []string{"2", "7"}, [][]float64{{1875.604, 3296.575}, {803.334, 109.470}})
	fmt.Printf("%.3f %.3f\n", t.RowTotals(), t.ColTotals())
	v, _ := t.Get("J", "2")
	fmt.Println(v)
	// Output:
	// [5172.179 912.804] [2678.938 3406.045]
	// 803.334
}

func ExampleTable_SkillLevels() {
	t := workforce.MustNewTable([]string{"J"}, []string{"1", "2", "9"}, [][]float64{{64.565, 803.334, 13.957}})
	k, _ := t.SkillLevels(workforce.SkillMap{})
	fmt.Println(k.Cols(), k.Row(0))
	// Output:
	// [1 2 3 4] [13.957 0 32.2825 835.6165]
}

func ExampleTable_RowShares() {
	t := workforce.MustNewTable([]string{"J"}, []string{"low", "high"}, [][]float64{{1, 3}})
	s, _ := t.RowShares()
	fmt.Println(s.Row(0))
	// Output:
	// [0.25 0.75]
}

func ExampleTable_SpreadMissing() {
	// ILOSTAT 2022, section E: ISCO group 6 is suppressed; the section
	// total is 526.944 thousand.
	t, _ := workforce.ILOSTATSectorOccupation(2022)
	totals, _ := workforce.ILOSTATSectorTotals(2022)
	filled, _ := t.SpreadMissing(totals)
	before, _ := t.Get("E", "6")
	after, _ := filled.Get("E", "6")
	fmt.Printf("%v → %.3f\n", before, after)
	// Output:
	// NaN → 0.138
}

func ExampleReadCSV() {
	in := "# employment, thousands\nsector,1,2\nE,20.902,\nJ,64.565,803.334\n"
	t, err := workforce.ReadCSV(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Rows(), t.Cols(), t.Missing(0, 1))
	// Output:
	// [E J] [1 2] true
}

func ExampleTable_WriteCSV() {
	t := workforce.MustNewTable([]string{"A"}, []string{"1", "2"}, [][]float64{{0.5, 2}})
	_ = t.WriteCSV(os.Stdout, "sector")
	// Output:
	// sector,1,2
	// A,0.5,2
}

func ExampleDefaultEmployment() {
	t, _ := workforce.DefaultEmployment(2022)
	fmt.Printf("%.0f people employed\n", t.Total())
	j, _ := t.Get("J", "2")
	fmt.Printf("J, professionals: %.0f\n", j)
	for _, s := range t.Sources() {
		fmt.Println(s.Publisher)
	}
	// Output:
	// 71902600 people employed
	// J, professionals: 997778
	// Rosstat (Federal State Statistics Service of Russia)
	// International Labour Organization (ILOSTAT)
	// exodus
}

func ExampleDefaultWorkforce() {
	t, _ := workforce.DefaultWorkforce(2022)
	b, _ := t.Bands()
	for j, l := range b.Cols() {
		fmt.Printf("%s: %.1f%%\n", l, 100*b.ColTotals()[j]/b.Total())
	}
	// Output:
	// low: 8.1%
	// medium: 48.7%
	// high: 43.1%
}

func ExampleRosstatEmployment() {
	t := workforce.RosstatEmployment()
	c, _ := t.Get("C", "2022")
	total, _ := workforce.RosstatEmploymentTotal(2022)
	fmt.Printf("manufacturing %.1f of %.1f thousand\n", c, total)
	// Output:
	// manufacturing 10112.8 of 71902.6 thousand
}

func ExampleILOSTATSectorOccupation() {
	t, _ := workforce.ILOSTATSectorOccupation(2021)
	v, _ := t.Get("K", "6")
	fmt.Println("K, ISCO 6, 2021:", v)
	// Output:
	// K, ISCO 6, 2021: NaN
}

func ExampleLabourForce() {
	lf := workforce.LabourForce()
	fmt.Printf("%.0f; 1.5%% is %.0f\n", lf, 0.015*lf)
	// Output:
	// 75100000; 1.5% is 1126500
}

func ExampleTable_String() {
	t := workforce.MustNewTable([]string{"E", "J"}, []string{"1", "6"}, [][]float64{{20.902, math.NaN()}, {64.565, 0}})
	fmt.Printf("thousands:\n%v\n", t)
	// Output:
	// thousands:
	//           1  6
	//   E  20.902  ·
	//   J  64.565  0
}

func ExampleTable_Bands() {
	t := workforce.MustNewTable([]string{"J"}, []string{"1", "2", "3", "4"}, [][]float64{{1, 2, 3, 4}})
	b, _ := t.Bands()
	fmt.Println(b.Cols(), b.Row(0))
	// Output:
	// [low medium high] [1 2 7]
}

func ExampleTable_AggregateCols() {
	// Two columns into one, keeping the total.
	t := workforce.MustNewTable([]string{"a"}, []string{"x", "y"}, [][]float64{{1, 2}})
	u, _ := t.AggregateCols([]string{"all"}, [][]float64{{1}, {1}})
	fmt.Println(u.Cols(), u.Row(0))
	// Output:
	// [all] [3]
}

func ExampleTable_Shares() {
	t := workforce.MustNewTable([]string{"a", "b"}, []string{"x"}, [][]float64{{1}, {3}})
	s, _ := t.Shares()
	fmt.Println(s.Values())
	// Output:
	// [[0.25] [0.75]]
}

func ExampleCount_Interval() {
	total, _ := estimate.Normal(1_000_000, 100_000)
	h, _ := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 5000, Seed: 2}})
	lo, hi := h.Cell(workforce.Information, workforce.Skill4).Interval()
	fmt.Printf("J, level 4: %d (90%%: %.0f–%.0f)\n", h.Cell(workforce.Information, workforce.Skill4).N, lo, hi)
	// Output:
	// J, level 4: 14434 (90%: 12014–16813)
}

func ExampleCount_Share() {
	total, _ := estimate.Point(100_000)
	h, _ := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 1000}})
	fmt.Printf("%.3f%% of sector J's workforce left at level 4\n", 100*float64(h.Cell(workforce.Information, workforce.Skill4).N)/h.BySector(workforce.Information).Workforce)
	fmt.Printf("%.3f%% of sector J's workforce left\n", 100*h.BySector(workforce.Information).Share())
	// Output:
	// 0.088% of sector J's workforce left at level 4
	// 0.139% of sector J's workforce left
}

func ExampleHeadcount_Table() {
	total, _ := estimate.Point(1000)
	h, _ := workforce.NewHeadcount(context.Background(), workforce.Scenario{Total: total, MonteCarlo: estimate.Options{Draws: 1000}})
	t := h.Table()
	fmt.Println(t.Total(), t.RowTotals()[workforce.Information-1], t.ColTotals())
	// Output:
	// 1000 22 [81 488 159 272]
}

func ExampleSectors() {
	for _, s := range workforce.Sectors()[:3] {
		fmt.Printf("%v %s / %s\n", s, s.Title(), s.TitleRU())
	}
	// Output:
	// A Agriculture, forestry and fishing / Сельское, лесное хозяйство, охота, рыболовство и рыбоводство
	// B Mining and quarrying / Добыча полезных ископаемых
	// C Manufacturing / Обрабатывающие производства
}

func ExampleLabourForceSource() {
	fmt.Println(workforce.LabourForceSource().Publisher)
	fmt.Println(workforce.LabourForceSource().URL)
	// Output:
	// Rosstat (Federal State Statistics Service of Russia)
	// https://www.economy.com/russian-federation/total-employment
}

func ExampleTable_WithSources() {
	t := workforce.MustNewTable([]string{"J"}, []string{"4"}, [][]float64{{100_000}})
	t = t.WithSources(exodus.Source{Publisher: "Ministry of Digital Development", Note: "IT workers who left in 2022"})
	for _, s := range t.Sources() {
		fmt.Println(s)
	}
	// Output:
	// Ministry of Digital Development (IT workers who left in 2022)
}

// When sector shares and skill shares come from different surveys, the
// joint table is the workforce fitted to both by iterative proportional
// fitting, then rounded so that every row and column adds up.
func ExampleNewHeadcount_margins() {
	total, _ := estimate.Point(1000)
	sectors, _ := estimate.FixedShares([]float64{0.25, 0.75})          // C, J
	skills, _ := estimate.FixedShares([]float64{0.05, 0.15, 0.2, 0.6}) // levels 1–4
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: total,
		Workforce: workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
			[][]float64{{100e3, 500e3, 200e3, 200e3}, {10e3, 40e3, 150e3, 800e3}}), // persons
		Sectors:    sectors,
		Skills:     skills,
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range h.Sectors() {
		fmt.Print(s)
		for _, k := range workforce.SkillLevels() {
			fmt.Printf(" %4d", h.Cell(s, k).N)
		}
		fmt.Printf(" | %4d\n", h.BySector(s).N)
	}
	fmt.Print("=")
	for _, k := range workforce.SkillLevels() {
		fmt.Printf(" %4d", h.BySkill(k).N)
	}
	fmt.Printf(" | %4d\n", h.Total().N)
	// Output:
	// C   37  117   55   41 |  250
	// J   13   33  145  559 |  750
	// =   50  150  200  600 | 1000
}

func ExampleILOSTATSectorTotals() {
	totals, _ := workforce.ILOSTATSectorTotals(2021)
	u := workforce.Extraterritorial
	fmt.Printf("J: %.3f thousand; U: %v (not published)\n", totals[workforce.Information-1], totals[u-1])
	// Output:
	// J: 1277.949 thousand; U: NaN (not published)
}

func ExampleRosstatEmploymentTotal() {
	// Sections T and U are not published separately: they are what the
	// total leaves after A–S.
	total, _ := workforce.RosstatEmploymentTotal(2022)
	t := workforce.RosstatEmployment()
	j, _ := t.ColIndex("2022")
	listed := 0.0
	rows, _ := t.Dims()
	for i := range rows {
		listed += t.At(i, j)
	}
	fmt.Printf("total %.1f, A–S %.1f, T+U %.1f thousand\n", total, listed, total-listed)
	// Output:
	// total 71902.6, A–S 71841.9, T+U 60.7 thousand
}

func ExampleRosstatSource() {
	s := workforce.RosstatSource()
	fmt.Println(s.Publisher)
	fmt.Println(s.URL, s.Date)
	// Output:
	// Rosstat (Federal State Statistics Service of Russia)
	// https://rosstat.gov.ru/storage/mediabank/05-05_2017-2024.xls 2025
}

func ExampleILOSTATSource() {
	s := workforce.ILOSTATSource(2022)
	fmt.Println(s.Publisher)
	fmt.Println(s.Title)
	// Output:
	// International Labour Organization (ILOSTAT)
	// Employment by economic activity and occupation (thousands), EMP_TEMP_ECO_OCU_NB, Russian Federation, 2022
}

func ExampleOccupations() {
	for _, o := range workforce.Occupations() {
		fmt.Println(o, o.Title(), o.SkillLevels())
	}
	// Output:
	// 0 Armed forces occupations [1 2 4]
	// 1 Managers [3 4]
	// 2 Professionals [4]
	// 3 Technicians and associate professionals [3]
	// 4 Clerical support workers [2]
	// 5 Service and sales workers [2]
	// 6 Skilled agricultural, forestry and fishery workers [2]
	// 7 Craft and related trades workers [2]
	// 8 Plant and machine operators, and assemblers [2]
	// 9 Elementary occupations [1]
}

// The default sector profile, part by part: data with its sources, or an
// assumption.
func ExampleDefaultSectorProfile() {
	for _, p := range workforce.DefaultSectorProfile().Parts() {
		kind := "data"
		if p.Assumption {
			kind = "assumption"
		}
		fmt.Printf("%-26s %-10s %s\n", p.Name, kind, p.Share)
	}
	// Output:
	// IT workers                 data       0.35 (90%: 0.27–0.45)
	// arts and culture           data       at most 15%
	// education                  data       at most 15%
	// office work                data       at most 15%
	// media                      data       at most 8%
	// scale of the upper bounds  assumption between each group's share of degree-holders and its bound
	// everyone else              assumption the rest
}

// How much section J moves between the two readings of the surveys' IT
// share, an occupation share: all IT workers in J, or spread over the
// sections that employ ICT professionals.
func ExampleNewHeadcount_itMapping() {
	for _, m := range []workforce.ITMapping{workforce.ITInInformation, workforce.ITInICTSections} {
		h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
			Total:      estimate.Must(estimate.Point(800_000)),
			Profile:    workforce.DefaultSectorProfile(),
			ITMapping:  m,
			MonteCarlo: estimate.Options{Draws: 2000, Seed: 1},
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		lo, hi := h.BySector(workforce.Information).Range()
		fmt.Printf("IT in %s: J %dk (90%%: %dk–%dk), %.1f%% of its workforce\n",
			m, h.BySector(workforce.Information).N/1000, lo/1000, hi/1000, 100*h.BySector(workforce.Information).Share())
	}
	// Output:
	// IT in section J: J 327k (90%: 258k–405k), 20.0% of its workforce
	// IT in ICT sections: J 68k (90%: 49k–88k), 4.2% of its workforce
}

// The cap keeps every draw within the workforce: 5 million people with
// IT at 27–45% of them would need more people from J than work there.
func ExampleHeadcount_Capped() {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:       estimate.Must(estimate.Point(5e6)),
		SectorFocus: map[workforce.Sector]estimate.Estimate{workforce.Information: estimate.Must(estimate.ShareBetween(0.27, 0.45))},
		MonteCarlo:  estimate.Options{Draws: 2000, Seed: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	c := h.Capped()
	fmt.Printf("capped in %.0f%% of draws; point result: %v, %.0fk people moved\n",
		100*float64(c.Capped)/float64(c.Draws), c.PointSectors, c.PointMoved/1000)
	_, hi := h.BySector(workforce.Information).Interval()
	fmt.Printf("J: %d of %.0f (upper end %.0f)\n", h.BySector(workforce.Information).N, h.BySector(workforce.Information).Workforce, hi)
	// Output:
	// capped in 68% of draws; point result: [J], 138k people moved
	// J: 1636598 of 1636600 (upper end 1636600)
}

// Intervals as whole people that enclose the count: with a point input,
// every draw of a cell is the same fraction of a person.
func ExampleCount_Range() {
	wf := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{1000, 2600, 1400, 700}, {100, 980, 260, 855}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total: estimate.Must(estimate.Point(79)), Workforce: wf, MonteCarlo: estimate.Options{Draws: 100},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	lo, hi := h.Cell(workforce.Agriculture, workforce.Skill4).Interval()
	clo, chi := h.Cell(workforce.Agriculture, workforce.Skill4).Range()
	fmt.Printf("A/4: %d, interval %.3f–%.3f, printed %d–%d\n", h.Cell(workforce.Agriculture, workforce.Skill4).N, lo, hi, clo, chi)
	// Output:
	// A/4: 7, interval 7.004–7.004, printed 7–8
}

// The draws of each sector, aligned: draw d of every sector comes from the
// same draw of the inputs, so sums across sectors are draws of the total.
func ExampleCount_Summary() {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      estimate.Must(estimate.Between(600_000, 1_000_000)),
		MonteCarlo: estimate.Options{Draws: 1000, Seed: 1},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	j, k := h.BySector(workforce.Information).Summary().Samples(), h.BySector(workforce.Finance).Summary().Samples()
	fmt.Printf("%d draws; draw 0: J %.0f, K %.0f, total %.0f\n", len(j), j[0], k[0], h.Total().Summary().Samples()[0])
	// Output:
	// 1000 draws; draw 0: J 18140, K 14579, total 796970
}

func ExampleILOSTATSectorEducation() {
	t, err := workforce.ILOSTATSectorEducation(2022)
	if err != nil {
		fmt.Println(err)
		return
	}
	adv, _ := t.Get("J", "advanced")
	tot, _ := t.Get("J", "total")
	fmt.Printf("J, 2022: %.1f of %.1f thousand employed (%.0f%%) at ISCED-97 levels 5–6\n", adv, tot, 100*adv/tot)
	// Output:
	// J, 2022: 870.6 of 1317.7 thousand employed (66%) at ISCED-97 levels 5–6
}

func ExampleICTSections() {
	fmt.Println(workforce.ICTSections(), workforce.ITInICTSections, workforce.ITInInformation)
	// Output:
	// [C G J K M O] ICT sections section J
}
