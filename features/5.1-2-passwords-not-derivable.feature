@provision=5.1-2 @cross-unit
Feature: 5.1-2 Pre-installed unique passwords are not derivable
  Where pre-installed unique per device passwords are used, they are generated with a mechanism
  that reduces the risk of automated attacks against a class or type of device (EN 303 645 5.1-2):
  no two units share one, none follows from what is printed on the unit (serial number, MAC
  address), and together they show no pattern such as a common prefix and a counter. Judged over
  every unit of the run, and of earlier runs given with --compare-with.

  @testcase=5.1-2-2
  Scenario: 5.1-2-2 The units' pre-installed passwords are unique, not derived from their labels and strong enough
    Given the pre-installed password and the label of every unit tested
    Then no two units share a password, none is derived from its label, they show no pattern, and each is strong enough
