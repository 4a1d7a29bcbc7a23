package workforce_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
	"github.com/exodus-lab/exodus/workforce"
)

// A small workforce in persons: a median of 2,000 people (√(1600·2500))
// leave with its own composition, so each cell is a thousandth of its
// workforce; the intervals come from 2,000 draws.
func exampleHeadcount() *workforce.Headcount {
	wf := workforce.MustNewTable([]string{"C", "J"}, []string{"1", "2", "3", "4"},
		[][]float64{{100e3, 500e3, 200e3, 200e3}, {10e3, 40e3, 150e3, 800e3}})
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Total:      estimate.Must(estimate.Between(1600, 2500)),
		Workforce:  wf,
		MonteCarlo: estimate.Options{Draws: 2000, Seed: 1},
	})
	if err != nil {
		panic(err)
	}
	return h
}

// Counts are a thousandth of the workforce (hand: C level 1 is 100 of
// 100,000); each interval is about that share of the total's 1,600–2,500.
func ExampleHeadcount_WriteCSV() {
	if err := exampleHeadcount().WriteCSV(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// sector,sector_title,skill_level,count,lo,hi,sector_workforce,share_of_sector_workforce
	// C,Manufacturing,1,100,79,125,1000000,0.0001
	// C,Manufacturing,2,500,398,625,1000000,0.0005
	// C,Manufacturing,3,200,159,250,1000000,0.0002
	// C,Manufacturing,4,200,159,250,1000000,0.0002
	// J,Information and communication,1,10,7,13,1000000,1e-05
	// J,Information and communication,2,40,31,50,1000000,4e-05
	// J,Information and communication,3,150,119,188,1000000,0.00015
	// J,Information and communication,4,800,638,999,1000000,0.0008
}

func ExampleHeadcount_MarshalJSON() {
	data, err := json.Marshal(exampleHeadcount())
	if err != nil {
		fmt.Println(err)
		return
	}
	var d struct {
		Total struct {
			Count, Lo, Hi int64
		}
		Sectors []struct {
			Sector string
			Cells  []struct {
				SkillLevel    string `json:"skill_level"`
				Count, Lo, Hi int64
			}
		}
	}
	if err := json.Unmarshal(data, &d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("total %d (%d–%d)\n", d.Total.Count, d.Total.Lo, d.Total.Hi)
	c := d.Sectors[1].Cells[3]
	fmt.Printf("sector %s, level %s: %d (%d–%d)\n", d.Sectors[1].Sector, c.SkillLevel, c.Count, c.Lo, c.Hi)
	// Output:
	// total 2000 (1595–2497)
	// sector J, level 4: 800 (638–999)
}

func ExampleHeadcount_String() {
	h, err := workforce.NewHeadcount(context.Background(), workforce.Scenario{
		Share:      estimate.Must(estimate.Point(0.015)), // Alfa Bank: about 1.5%
		MonteCarlo: estimate.Options{Draws: 1000},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(h)
	fmt.Println(&workforce.Headcount{})
	// Output:
	// 1126500 people (90%: 1126500–1126500), low skill 91609, medium skill 549033, high skill 485858
	// 0 people, low skill 0, medium skill 0, high skill 0
}

func ExampleTable_MarshalJSON() {
	t := workforce.MustNewTable([]string{"A", "J"}, []string{"1", "2"},
		[][]float64{{1, math.NaN()}, {0.5, 3}}).WithSources(exodus.Source{Publisher: "Rosstat"})
	data, err := json.Marshal(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(data))
	// Output:
	// {"rows":["A","J"],"cols":["1","2"],"values":[[1,null],[0.5,3]],"sources":[{"publisher":"Rosstat"}]}
}

func ExampleTable_UnmarshalJSON() {
	var t workforce.Table
	err := json.Unmarshal([]byte(`{"rows":["A","J"],"cols":["1","2"],"values":[[1,null],[0.5,3]]}`), &t)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Rows(), t.Cols(), t.Values())
	fmt.Println(t.Missing(0, 1))
	// Output:
	// [A J] [1 2] [[1 NaN] [0.5 3]]
	// true
}

func ExampleSector_MarshalText() {
	byLevel := map[workforce.Sector]int{workforce.Information: 27, workforce.Manufacturing: 9}
	data, _ := json.Marshal(byLevel)
	fmt.Println(string(data))
	// Output:
	// {"C":9,"J":27}
}

func ExampleSector_UnmarshalText() {
	var s []workforce.Sector
	if err := json.Unmarshal([]byte(`["J", "m"]`), &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s, s[0].Title())
	// Output:
	// [J M] Information and communication
}

func ExampleOccupation_MarshalText() {
	data, _ := json.Marshal([]workforce.Occupation{workforce.Managers, workforce.Professionals})
	fmt.Println(string(data))
	// Output:
	// ["1","2"]
}

func ExampleOccupation_UnmarshalText() {
	var o workforce.Occupation
	err := o.UnmarshalText([]byte("2"))
	fmt.Println(o.Title(), err)
	// Output:
	// Professionals <nil>
}

func ExampleSkillLevel_MarshalText() {
	data, _ := json.Marshal(map[workforce.SkillLevel]float64{workforce.Skill4: 0.6})
	fmt.Println(string(data))
	// Output:
	// {"4":0.6}
}

func ExampleSkillLevel_UnmarshalText() {
	var k workforce.SkillLevel
	err := k.UnmarshalText([]byte("4"))
	fmt.Println(k, k.Band(), err)
	// Output:
	// 4 high <nil>
}

func ExampleBand_MarshalText() {
	data, _ := json.Marshal(workforce.Bands())
	fmt.Println(string(data))
	// Output:
	// ["low","medium","high"]
}

func ExampleBand_UnmarshalText() {
	var b workforce.Band
	err := b.UnmarshalText([]byte("High"))
	fmt.Println(b, b.SkillLevels(), err)
	// Output:
	// high [3 4] <nil>
}
