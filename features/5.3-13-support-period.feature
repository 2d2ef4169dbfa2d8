@provision=5.3-13
Feature: 5.3-13 The defined support period is published
  The manufacturer publishes, in an accessible way that is clear and transparent to the user,
  the defined support period (EN 303 645 5.3-13).

  @testcase=5.3-13-2
  Scenario: 5.3-13-2 The page the IXIT names states the support period the supplier declares
    When the support period page the IXIT names is fetched
    Then it states the end of the support period the IXIT declares
