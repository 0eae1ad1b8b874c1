using System.Text;

namespace AtsParser.IntegrationTests.Storage;

/// <summary>Plain-text resumes with clear sections and a unique marker, so each test stores bytes no other test stores.</summary>
public static class SampleResumes
{
    public static byte[] Text(string name, string title, string employer, string location, string skills, int startYear = 2015, int endYear = 2021) =>
        Encoding.UTF8.GetBytes($"""
            {name}
            {location}
            {name.Split(' ')[0].ToLowerInvariant()}@example.com | +49 30 1234567

            SUMMARY
            {title} with several years of experience. Reference {Guid.NewGuid():N}.

            EXPERIENCE
            {title}
            {employer}, {location}
            January {startYear} - December {endYear}
            - Delivered the work expected of a {title.ToLowerInvariant()}.

            EDUCATION
            Bachelor of Science, Example University, 2014

            SKILLS
            {skills}
            """);

    public static byte[] Accountant() => Text("Anna Ledger", "Senior Accountant", "Numbers GmbH", "Berlin, Germany", "Python, SQL, Excel, IFRS, SAP", 2012, 2022);

    public static byte[] Nurse() => Text("Bruno Care", "Registered Nurse", "City Hospital", "Madrid, Spain", "Patient care, Triage, Java", 2020, 2021);
}
