@provision=5.4-3 @cross-unit
Feature: 5.4-3 No hard-coded critical security parameters in device software
  Hard-coded critical security parameters in device software are not used (EN 303 645 5.4-3):
  the software the units run holds no private key, password hash or unit password, and no such
  parameter is the same in the raw storage of two units, unless the IXIT declares it public.

  @testcase=5.4-3-2
  Scenario: 5.4-3-2 Neither the software nor the units' storage holds a critical security parameter common to all
    Given the software image the units run and what the raw storage of each unit tested holds
    Then no private key, password hash or unit password is in the software image or the same in the raw storage of two units, unless the IXIT declares it public
