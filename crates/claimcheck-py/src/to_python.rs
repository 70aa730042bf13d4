//! Records to Python objects through their `serde` serialization, giving exactly what
//! `json.loads` gives for the command's JSON: dicts (fields in declaration order), lists
//! (fixed-size arrays too), str, int, float, bool and None.
//!
//! pythonize would make fixed-size arrays tuples, unlike JSON; and building the dicts here
//! reuses one interned Python string per field name instead of making a new one per record,
//! which matters for millions of records.

use std::cell::RefCell;
use std::fmt;

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use serde::ser::{self, Serialize};

/// A value that could not be converted.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e.to_string())
    }
}

impl From<Error> for PyErr {
    fn from(e: Error) -> Self {
        pyo3::exceptions::PyValueError::new_err(format!("converting a record: {}", e.0))
    }
}

type Result<T> = std::result::Result<T, Error>;

thread_local! {
    /// Field names are `&'static str`: one interned Python string each, made once. They are
    /// found by where the name is stored and its length, which name the same bytes whenever
    /// they are equal, so a lookup hashes two numbers and compares no text (hashing each name
    /// with SipHash was a sixteenth of `extract_batch`).
    static KEYS: RefCell<foldhash::HashMap<(usize, usize), Py<PyString>>> =
        RefCell::new(foldhash::HashMap::default());
}

fn key<'py>(py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
    KEYS.with(|keys| {
        keys.borrow_mut()
            .entry((name.as_ptr() as usize, name.len()))
            .or_insert_with(|| PyString::intern(py, name).unbind())
            .bind(py)
            .clone()
    })
}

/// `value` as a Python object.
pub(crate) fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(value.serialize(Serializer { py })?)
}

#[derive(Clone, Copy)]
struct Serializer<'py> {
    py: Python<'py>,
}

struct Seq<'py> {
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

struct Map<'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

fn object<'py, T: IntoPyObject<'py>>(py: Python<'py>, v: T) -> Result<Bound<'py, PyAny>> {
    v.into_bound_py_any(py).map_err(Error::from)
}

impl<'py> ser::Serializer for Serializer<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'py>;
    type SerializeTuple = Seq<'py>;
    type SerializeTupleStruct = Seq<'py>;
    type SerializeTupleVariant = Seq<'py>;
    type SerializeMap = Map<'py>;
    type SerializeStruct = Map<'py>;
    type SerializeStructVariant = Map<'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        // serde_json writes a non-finite number as null.
        if v.is_finite() {
            object(self.py, v)
        } else {
            self.serialize_none()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        object(self.py, v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        object(self.py, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(key(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let dict = PyDict::new(self.py);
        dict.set_item(key(self.py, variant), value.serialize(self)?)?;
        Ok(dict.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'py>> {
        Ok(Seq {
            py: self.py,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Seq<'py>> {
        Err(Error(
            "enum variants with fields are not records".to_owned(),
        ))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'py>> {
        Ok(Map {
            py: self.py,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Map<'py>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Map<'py>> {
        Err(Error(
            "enum variants with fields are not records".to_owned(),
        ))
    }
}

impl<'py> ser::SerializeSeq for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items
            .push(value.serialize(Serializer { py: self.py })?);
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeTuple for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Self::Ok> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Self::Ok> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Self::Ok> {
        ser::SerializeSeq::end(self)
    }
}

impl<'py> ser::SerializeMap for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(Serializer { py: self.py })?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a map value without a key".to_owned()))?;
        self.dict
            .set_item(key, value.serialize(Serializer { py: self.py })?)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.dict.set_item(
            key(self.py, name),
            value.serialize(Serializer { py: self.py })?,
        )?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStructVariant for Map<'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}
