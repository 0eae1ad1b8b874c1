using FluentAssertions;
using Xunit;

using static AtsParser.Tests.Parsing.TestParser;

namespace AtsParser.Tests.Parsing;

/// <summary>Job headers in scripts without capitals (Hebrew, Chinese); every name here is invented.</summary>
public class CaselessScriptJobTests
{
    [Fact]
    public void A_hebrew_title_then_company_line_splits_at_bechevrat()
    {
        var r = Parse("דנה כהן\nניסיון תעסוקתי\nרכזת תמחור בחברת קלמורה מערכות בע\"מ\nמרץ 2019 – היום | חיפה\n• בניית דוח שבועי.\nמנהל צי רכב בחברת נורטק לוגיסטיקה\nינואר 2016 – פברואר 2019 | רחובות");
        JobRoles(r).Should().Equal(("רכזת תמחור", "קלמורה מערכות בע\"מ"), ("מנהל צי רכב", "נורטק לוגיסטיקה"));
    }

    [Fact]
    public void A_chinese_title_company_city_line_keeps_the_city_out_of_the_employer()
    {
        var r = Parse("林晓岚\n工作经历\n定价经理, 维达物流股份有限公司, 宁波\t2019年3月 - 至今\n• 培训六名新调度员。\n车队调度员, 索恒数据有限公司, 厦门\t2016年5月 - 2019年2月");
        JobRoles(r).Should().Equal(("定价经理", "维达物流股份有限公司"), ("车队调度员", "索恒数据有限公司"));
        r.WorkExperience.Select(j => j.Location).Should().Equal("宁波", "厦门");
    }

    [Fact]
    public void A_hebrew_title_company_city_line_keeps_the_city_out_of_the_employer()
    {
        var r = Parse("איתי לוי\nניסיון מקצועי\nמתכנן שכר, סולדל הנדסה בע״מ, באר שבע\t2020 – עד היום\n• הכשרת שישה מתכננים.\nאנליסט תמחור, ברימרק שילוח, נתניה\t2017 – 2020");
        JobRoles(r).Should().Equal(("מתכנן שכר", "סולדל הנדסה בע״מ"), ("אנליסט תמחור", "ברימרק שילוח"));
        r.WorkExperience.Select(j => j.Location).Should().Equal("באר שבע", "נתניה");
    }
}
