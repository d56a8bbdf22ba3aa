package plan

// Choice is one allowed value of a closed set, with the words documents print for it.
type Choice struct {
	ID    string
	Label string
}

// Label returns the printable label of id within choices, or id itself.
func Label(choices []Choice, id string) string {
	for _, c := range choices {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}

// The closed sets a plan chooses from. Order is the order documents list them in.
var (
	Statuses = []Choice{
		{string(StatusDraft), "Draft"},
		{string(StatusSubmitted), "Submitted to the agreement panel"},
		{string(StatusAgreed), "Agreed"},
	}
	OutcomeAreas = []Choice{
		{string(AreaCommunity), "Community inclusion"},
		{string(AreaEmployment), "Employment"},
		{string(AreaCitizenship), "Citizenship"},
		{string(AreaHealth), "Health"},
		{string(AreaSafety), "Safety"},
		{string(AreaIndependent), "Independent living"},
		{string(AreaOther), "Other"},
	}
	Ideas = []Choice{
		{string(IdeaMine), "My idea"},
		{string(IdeaShared), "My idea, shaped with others"},
		{string(IdeaOthers), "Someone else's idea"},
	}
	TimesOfDay = []Choice{
		{string(TimeDay), "Day"},
		{string(TimeEvening), "Evening"},
		{string(TimeNight), "Night"},
		{string(TimeSleepIn), "Sleep-in night"},
		{string(TimeWakingNight), "Waking night"},
	}
	Levels = []Choice{
		{string(LevelLow), "Low"},
		{string(LevelMedium), "Medium"},
		{string(LevelHigh), "High"},
	}
	DecisionMakers = []Choice{
		{string(DecidesMe), "I decide"},
		{string(DecidesShared), "We decide together"},
		{string(DecidesOthers), "Someone else decides"},
	}
	Categories = []Choice{
		{"personal_assistance", "Personal assistance"},
		{"agency_support", "Agency support"},
		{"learning", "Learning and education"},
		{"activities", "Activities"},
		{"transport", "Transport"},
		{"equipment", "Equipment"},
		{"management", "Management and payroll fees"},
		{"other", "Other"},
	}
	Funders = []Choice{
		{"local_authority", "Local authority"},
		{"education", "College / education funding"},
		{"health", "Health"},
		{"family", "Family"},
		{"other", "Other"},
	}
	Periods = []Choice{
		{"week", "a week"},
		{"month", "a month"},
		{"year", "a year"},
	}
	AgeBands = []Choice{
		{"21+", "21 and over"},
		{"18-20", "18 to 20"},
		{"under-18", "Under 18"},
	}
	BudgetTypes = []Choice{
		{"individual_service_fund", "Individual Service Fund"},
		{"direct_payment", "Direct payment"},
		{"managed_account", "Managed account"},
		{"council_arranged", "Council-arranged services"},
		{"mixed", "A mix of these"},
	}
	ActionStatuses = []Choice{
		{string(ActionNotStarted), "Not started"},
		{string(ActionInProgress), "In progress"},
		{string(ActionDone), "Done"},
	}
	Fundings = []Choice{
		{string(FundingBudget), "Paid from this budget"},
		{string(FundingUnpaid), "Unpaid"},
		{string(FundingOtherService), "Funded by another service"},
	}
	SignsFor = []Choice{
		{"person", "The young person"},
		{"family", "Family or representative"},
		{"local_authority", "Local authority"},
		{"education", "College funder"},
		{"other", "Other"},
	}
	PanelOutcomes = []Choice{
		{"agreed", "Agreed"},
		{"agreed_with_conditions", "Agreed with conditions"},
		{"not_agreed", "Not agreed"},
	}
)
