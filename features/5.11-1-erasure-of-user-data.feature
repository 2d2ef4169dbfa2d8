@provision=5.11-1
Feature: 5.11-1 The user can erase their data from the device
  The user is provided with functionality such that user data can be erased from the device in a
  simple manner (EN 303 645 5.11-1): after a factory reset the device is back in its factory state
  and nothing the user stored can be found on it, not even in the raw storage.

  @testcase=5.11-1-2
  Scenario: 5.11-1-2 A factory reset with the reset button erases the user's data
    Given the DUT is running with its network up
    And the user has set their own password and stored a Wi-Fi key, personal data, a log entry and a cloud pairing
    When the DUT is reset to its factory state with its reset button
    Then the factory credentials work again and the user's password is refused
    And none of the user's data is left in the file system
    And none of the user's data is left in the raw storage

  @testcase=5.11-1-2
  Scenario: 5.11-1-2 A factory reset with the command erases the user's data
    Given the DUT is running with its network up
    And the user has set their own password and stored a Wi-Fi key, personal data, a log entry and a cloud pairing
    When the DUT is reset to its factory state with the command the IXIT names
    Then the factory credentials work again and the user's password is refused
    And none of the user's data is left in the file system
    And none of the user's data is left in the raw storage
