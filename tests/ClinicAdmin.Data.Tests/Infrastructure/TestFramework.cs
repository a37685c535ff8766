// SQL Server tests are reported skipped, not passed, when CLINICADMIN_TEST_MSSQL is unset (tests/Shared/ClinicTestFramework.cs).
[assembly: Xunit.TestFramework("ClinicAdmin.Testing.ClinicTestFramework", "ClinicAdmin.Data.Tests")]
